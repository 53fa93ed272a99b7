"""The interop test's names in /etc/hosts are gone afterwards — also when the test fails —
and nothing else in the file is touched (checked on a copy, not on /etc/hosts)."""

from pathlib import Path

import pytest

from .hosts import names_on_loopback

ORIGINAL = "127.0.0.1 localhost\n::1 localhost ip6-localhost\n10.1.2.3 printer.lan"


def test_the_names_resolve_inside_and_are_gone_after(tmp_path: Path) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text(ORIGINAL)
    with names_on_loopback("anjuman.test", "peer.test", hosts=hosts):
        lines = hosts.read_text().splitlines()
        assert lines[:3] == ORIGINAL.splitlines()
        assert lines[3].startswith("127.0.0.1 anjuman.test peer.test ")
    assert hosts.read_text() == ORIGINAL + "\n"


def test_they_are_gone_after_a_failure_and_lines_added_meanwhile_stay(tmp_path: Path) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text(ORIGINAL + "\n")
    with (
        pytest.raises(RuntimeError),
        names_on_loopback("anjuman.test", "peer.test", hosts=hosts),
    ):
        with hosts.open("a") as f:
            f.write("127.0.0.5 someone-else.test\n")
        raise RuntimeError("the test failed")
    assert hosts.read_text() == ORIGINAL + "\n127.0.0.5 someone-else.test\n"
