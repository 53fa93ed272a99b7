"""Member-written Markdown: every block takes its direction from its own first letters
(dir="auto"), so a mixed Urdu and English post reads correctly in either interface, and no
other direction can be written in."""

import re

from lib.markup import render_markdown, sanitize_html

MIXED = """# لاہور کی شام

یہ پیراگراف اردو میں ہے۔

This paragraph is in English.

- پہلا
- second

> ایک اقتباس

| شہر | City |
|---|---|
| لاہور | Lahore |

```
print("hi")
```
"""


def block_tags(html: str) -> list[str]:
    return re.findall(r"<(p|li|ul|ol|blockquote|h[1-6]|table|td|th|pre)\b([^>]*)>", html)


def test_every_block_of_a_post_carries_dir_auto():
    html = render_markdown(MIXED)
    blocks = block_tags(html)
    assert {tag for tag, _ in blocks} >= {
        "h1", "p", "ul", "li", "blockquote", "table", "th", "td", "pre",
    }  # fmt: skip
    assert all(attrs == ' dir="auto"' for _, attrs in blocks), blocks
    assert '<p dir="auto">This paragraph is in English.</p>' in html
    assert '<p dir="auto">یہ پیراگراف اردو میں ہے۔</p>' in html


def test_inline_elements_get_no_direction_of_their_own():
    html = render_markdown("**بولڈ** and [a link](https://example.org) and `code`")
    assert "<strong>بولڈ</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener ugc">a link</a>' in html
    assert "<code>code</code>" in html


def test_a_forced_direction_cannot_be_written_in():
    # Raw HTML in Markdown is text; and whatever reaches the sanitiser comes out "auto".
    assert "&lt;p dir=" in render_markdown('<p dir="rtl">x</p>')
    html = sanitize_html('<p dir="rtl">x</p><li dir="ltr">y</li><b dir="rtl">z</b>')
    assert html == '<p dir="auto">x</p><li dir="auto">y</li><b>z</b>'
    assert "rtl" not in sanitize_html('<blockquote dir="rtl" style="direction: rtl">q</blockquote>')


def test_html_stored_before_the_change_is_rendered_again(network, member):
    from blogs.models import Post
    from conftest import make_post
    from lib.markup import rerender_stored

    post = make_post(member, body="پرانی تحریر\n\nOld text")
    Post.objects.filter(pk=post.pk).update(body_html="<p>پرانی تحریر</p>\n<p>Old text</p>\n")
    draft = make_post(member, title="Draft", body="Already new", publish=False)

    assert rerender_stored(Post, "body", "body_html", batch=1) == 1
    post.refresh_from_db()
    assert post.body_html == '<p dir="auto">پرانی تحریر</p>\n<p dir="auto">Old text</p>\n'
    assert Post.objects.get(pk=draft.pk).body_html == '<p dir="auto">Already new</p>\n'
    assert rerender_stored(Post, "body", "body_html") == 0
