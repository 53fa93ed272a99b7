from lib.markup import html_to_text, render_markdown, sanitize_html, truncate_words


def test_raw_html_in_markdown_is_shown_as_text():
    html = render_markdown("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_formatting_and_images_survive():
    html = render_markdown(
        "**b** _i_\n\n> q\n\n![pic](https://example.org/a.png)\n\nhttps://example.org"
    )
    assert "<strong>b</strong>" in html and "<em>i</em>" in html
    assert '<blockquote dir="auto">' in html
    assert '<img src="https://example.org/a.png" alt="pic">' in html
    assert '<a href="https://example.org" rel="nofollow noopener ugc">' in html


def test_dangerous_urls_and_attributes_are_removed():
    html = sanitize_html(
        '<a href="javascript:alert(1)" onclick="x()">a</a><img src="data:x" onerror="y">'
    )
    assert "javascript" not in html and "onclick" not in html and "onerror" not in html


def test_excerpts_cut_at_a_word_and_end_with_an_ellipsis():
    text = html_to_text("<p>One two three.</p><p>Four five six seven eight</p>")
    assert text == "One two three. Four five six seven eight"
    assert truncate_words(text, 20) == "One two three. Four…"
    assert truncate_words("short", 20) == "short"
