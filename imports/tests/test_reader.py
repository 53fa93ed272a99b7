"""The Archiver's broken JSON, read as NING-ARCHIVE.md describes it: every quirk, and never a
change inside a string."""

import json
from pathlib import Path

import pytest

from imports.ning.reader import Archive, parse_text, text_title

URDU = "ہمارے گاؤں کا سالانہ میلہ اس برس بارش میں ہوا"


def titles(text: str) -> list[str]:
    return [r["title"] for r in parse_text(text).records]


def test_valid_json_reads_as_json() -> None:
    parsed = parse_text('[{"title": "a", "n": 3, "ok": true, "x": null, "f": 1.5e2}]')
    assert parsed.records == [{"title": "a", "n": 3, "ok": True, "x": None, "f": 150.0}]
    assert parsed.repairs == {}
    assert parsed.damaged == []


def test_file_wrapped_in_parentheses() -> None:
    parsed = parse_text('([{"title": "kite day"}, {"title": "rain"}])')
    assert [r["title"] for r in parsed.records] == ["kite day", "rain"]
    assert parsed.repairs["parentheses"] == 2


def test_records_without_commas_at_top_and_in_comments() -> None:
    text = (
        '[{"title": "one", "comments": [{"description": "c1"}{"description": "c2"}]}'
        '{"title": "two"}]'
    )
    parsed = parse_text(text)
    assert [r["title"] for r in parsed.records] == ["one", "two"]
    assert [c["description"] for c in parsed.records[0]["comments"]] == ["c1", "c2"]
    assert parsed.repairs["missing comma"] == 2


@pytest.mark.parametrize(
    "joint",
    ["]{", "] {", "]\n{", "}[{", "},[{", "]\n[{"],
)
def test_batches_started_without_closing_the_previous(joint: str) -> None:
    text = '[{"title": "first"}' + joint.replace("{", '{"title": "second"}', 1) + "]"
    assert titles(text) == ["first", "second"]


def test_extra_closing_brackets_at_the_end() -> None:
    assert titles('[{"title": "a"},{"title": "b"}]]') == ["a", "b"]
    assert titles('[{"title": "a"}[{"title": "b"}]]]') == ["a", "b"]


def test_batch_joined_inside_a_comment_list() -> None:
    text = '[{"title": "p", "comments": [{"id": 1}[{"id": 2}]], "after": "kept"}]'
    record = parse_text(text).records[0]
    assert [c["id"] for c in record["comments"]] == [1, 2]
    assert record["after"] == "kept"


def test_structure_like_text_inside_strings_is_never_changed() -> None:
    tricky = 'f(x) = [a]{b}, }{ ][ ]{ }[{ ]] "q" \\ \\/ (done)'
    encoded = json.dumps(tricky)
    text = "(" + '[{"description": ' + encoded + '}{"description": ' + encoded + "}]]" + ")"
    parsed = parse_text(text)
    assert [r["description"] for r in parsed.records] == [tricky, tricky]


def test_php_escapes_and_surrogate_pairs() -> None:
    text = r'[{"title": "a\/b \u00e9 \ud83c\udf89 \"q\"", "bad": "it\'s"}]'
    record = parse_text(text).records[0]
    assert record["title"] == 'a/b é 🎉 "q"'
    assert record["bad"] == "it's"


def test_lone_surrogate_becomes_replacement_character() -> None:
    parsed = parse_text(r'[{"title": "half \ud83c here"}]')
    assert parsed.records[0]["title"] == "half \ufffd here"
    assert parsed.repairs["lone surrogate"] == 1


def test_urdu_raw_and_escaped_is_byte_exact() -> None:
    escaped = json.dumps(URDU)  # \uXXXX escapes
    raw = json.dumps(URDU, ensure_ascii=False)
    parsed = parse_text(f'[{{"a": {escaped}, "b": {raw}}}]')
    record = parsed.records[0]
    assert record["a"].encode() == URDU.encode()
    assert record["b"].encode() == URDU.encode()


def test_damaged_record_is_reported_and_the_rest_read() -> None:
    text = '[{"title": "good"},\n{"title": "broken", "x": @@@},\n{"title": "after"}]'
    parsed = parse_text(text)
    assert [r["title"] for r in parsed.records] == ["good", "after"]
    assert len(parsed.damaged) == 1


def test_truncated_file_keeps_what_came_before() -> None:
    parsed = parse_text('[{"title": "whole"}, {"title": "cut in the mid')
    assert [r["title"] for r in parsed.records] == ["whole"]
    assert parsed.damaged


def test_titles_are_unescaped_exactly_once() -> None:
    assert text_title("Tea &amp; biscuits") == "Tea & biscuits"
    assert text_title("&lt;b&gt; is bold &amp;amp; more") == "<b> is bold &amp; more"
    assert text_title("Rain &#8212; again") == "Rain — again"


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_local_twin_is_preferred(tmp_path: Path) -> None:
    write(tmp_path, "ning-blogs.json", '[{"title": "remote twin"}]')
    write(tmp_path, "ning-blogs-local.json", '[{"title": "local twin"}]')
    write(tmp_path, "ning-photos.json", '[{"title": "only twin"}]')
    archive = Archive(tmp_path)
    assert archive.file("blogs").local
    assert [r["title"] for r in archive.read("blogs").records] == ["local twin"]
    assert [r["title"] for r in archive.read("photos").records] == ["only twin"]
    assert archive.read("videos").records == []


def test_file_not_utf8_is_read_with_replacement(tmp_path: Path) -> None:
    (tmp_path / "ning-pages-local.json").write_bytes(b'[{"title": "caf\xe9"}]')
    parsed = Archive(tmp_path).read("pages")
    assert parsed.records[0]["title"] == "caf\ufffd"
    assert parsed.repairs["not UTF-8"] == 1


def test_media_resolved_beside_the_files_never_remote(tmp_path: Path) -> None:
    (tmp_path / "members").mkdir()
    photo = tmp_path / "members" / "1234-sana.jpg"
    photo.write_bytes(b"x")
    (tmp_path / "members" / "a b.jpg").write_bytes(b"y")
    (tmp_path.parent / "secret.jpg").write_bytes(b"z")
    archive = Archive(tmp_path)
    assert archive.media("members/1234-sana.jpg?width=184&crop=1%3A1") == photo.resolve()
    assert archive.media("members/a%20b.jpg") == (tmp_path / "members" / "a b.jpg").resolve()
    assert archive.media("http://api.ning.com/files/members/1234-sana.jpg") is None
    assert archive.media("../secret.jpg") is None
    assert archive.media("/etc/passwd") is None
    assert archive.media("members/missing.jpg") is None
    assert archive.media("") is None
    assert archive.media(None) is None


def test_damaged_record_on_a_file_of_one_line() -> None:
    text = '[{"id": "a"},{"id": "b", "x": +++},{"id": "c", "t": "}{\\"id\\": 1"},{"id": "d"}]'
    parsed = parse_text(text)
    assert [r["id"] for r in parsed.records] == ["a", "c", "d"]
    assert len(parsed.damaged) == 1


def test_no_cut_or_stray_character_makes_the_reader_fail() -> None:
    """Whatever the damage, the reader returns what it could read and reports the rest."""
    records = [{"id": str(n), "title": f"t{n}", "comments": [{"id": "c", "d": "}{ ]["}]}
               for n in range(4)]  # fmt: skip
    text = "(" + "".join(json.dumps(r) for r in records) + "]])"
    for cut in range(0, len(text), 3):
        parse_text(text[:cut])
        for junk in ("{", "}", '"', "\\", "]", "[", ":", ","):
            parsed = parse_text(text[:cut] + junk + text[cut:])
            assert len(parsed.records) <= len(records) + 1
