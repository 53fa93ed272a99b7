"""Highlighting and snippets: the words a reader sees marked, whether the text is plain (found
by the quick path) or has Urdu vowel marks (read word by word), in any case."""

from search.text import highlight, snippet


def test_every_form_of_the_word_is_marked_in_any_case() -> None:
    marked = highlight("Running late, the RUNS ran; rerun <b>", ["run"])
    assert marked == "<mark>Running</mark> late, the <mark>RUNS</mark> ran; rerun &lt;b&gt;"


def test_words_with_vowel_marks_or_capital_accented_letters_are_marked() -> None:
    assert highlight("یہ کِتاب اچھی ہے", ["کتاب"]) == "یہ <mark>کِتاب</mark> اچھی ہے"
    assert highlight("Ein Café in KÖLN", ["köln"]) == "Ein Café in <mark>KÖLN</mark>"


def test_a_snippet_is_cut_around_the_first_match_deep_in_a_long_text() -> None:
    text = " ".join(["filler"] * 400) + " the canteen opens at nine " + " ".join(["end"] * 50)
    cut = snippet(text, ["canteen"])
    assert cut.startswith("… ") and cut.endswith(" …")
    assert "<mark>canteen</mark> opens at nine" in cut
    assert len(cut) < 250


def test_a_snippet_without_a_match_is_the_beginning() -> None:
    text = "First words here. " + "more " * 100
    assert snippet(text, ["absent"]).startswith("First words here.")
