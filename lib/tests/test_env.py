import pytest

from lib.env import ConfigurationError, env_bool, env_int


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("Yes", True), ("off", False)])
def test_booleans_are_read_in_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("ANJUMAN_TEST_FLAG", raw)
    assert env_bool("ANJUMAN_TEST_FLAG", not expected) is expected


def test_an_empty_value_keeps_the_default_like_an_unset_one(monkeypatch):
    monkeypatch.setenv("ANJUMAN_TEST_FLAG", "  ")
    monkeypatch.setenv("ANJUMAN_TEST_NUMBER", "")
    assert env_bool("ANJUMAN_TEST_FLAG", True) is True
    assert env_int("ANJUMAN_TEST_NUMBER", 7) == 7


def test_a_misspelt_boolean_stops_the_start_with_its_name(monkeypatch):
    monkeypatch.setenv("ANJUMAN_TEST_FLAG", "ture")
    with pytest.raises(ConfigurationError, match="ANJUMAN_TEST_FLAG"):
        env_bool("ANJUMAN_TEST_FLAG", False)
