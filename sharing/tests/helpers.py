"""Reading the head of a page as another site's crawler does: its meta and link tags."""

from html.parser import HTMLParser
from typing import Any

from django.test import Client


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.in_head:
            return
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key:
                self.meta.setdefault(key, []).append(values.get("content", ""))
        elif tag == "link":
            self.links.append(values)
        elif tag == "body":
            self.in_head = False


class Head:
    """The meta tags (name or property → content, unescaped) and links of a page's head."""

    def __init__(self, html: str) -> None:
        parser = _Head()
        parser.feed(html)
        self.meta = parser.meta
        self.links = parser.links
        self.html = html.split("</head>", 1)[0]

    def __getitem__(self, key: str) -> str:
        (value,) = self.meta[key]
        return value

    def get(self, key: str) -> str | None:
        values = self.meta.get(key)
        return values[0] if values else None

    def link(self, rel: str, type_: str | None = None) -> str | None:
        for link in self.links:
            if link.get("rel") == rel and (type_ is None or link.get("type") == type_):
                return link.get("href")
        return None

    @property
    def canonical(self) -> str | None:
        return self.link("canonical")

    @property
    def oembed(self) -> str | None:
        return self.link("alternate", "application/json+oembed")


def head_of(client: Client, url: str, status: int = 200, **extra: Any) -> Head:
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code)
    return Head(response.content.decode())
