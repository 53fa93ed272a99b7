"""Reading a WordPress export (WXR 1.0–1.2: RSS 2.0 with the wp:, content:, excerpt: and dc:
namespaces) into plain records.

Parsed with defusedxml (a runtime dependency), document type declarations refused
altogether: a WordPress export never has one, and entities declared in one expand
exponentially ("a billion laughs") or reach for files and addresses (external entities).
Read as a stream, element by element, each item cleared once read, so a large export takes
the memory of its text, not of its XML tree.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml  # type: ignore[import-untyped]
import defusedxml.ElementTree  # type: ignore[import-untyped]
from django.utils.translation import gettext as _


class WxrProblem(Exception):
    """The file cannot be imported at all; str() says why, for the administrator."""


@dataclass
class WxrAuthor:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    author_id: str = ""


@dataclass
class WxrComment:
    comment_id: str
    author: str = ""
    email: str = ""
    url: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""
    type: str = ""
    parent: str = ""
    user_id: str = ""


@dataclass
class WxrItem:
    fields: dict[str, str] = field(default_factory=dict)
    # (domain, nicename, name): "category" and "post_tag" are WordPress's own.
    categories: list[tuple[str, str, str]] = field(default_factory=list)
    comments: list[WxrComment] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


@dataclass
class WxrSite:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    version: str = ""
    authors: list[WxrAuthor] = field(default_factory=list)
    items: list[WxrItem] = field(default_factory=list)

    @property
    def address(self) -> str:
        return self.base_blog_url or self.base_site_url or self.link


def name_of(tag: str) -> str:
    """An element's name with its namespace as WordPress writes the prefix: "wp:post_id",
    "content:encoded", "dc:creator", "excerpt:encoded"; a name without one as it is."""
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if "wordpress.org/export/" in namespace:
        return f"excerpt:{local}" if namespace.rstrip("/").endswith("excerpt") else f"wp:{local}"
    if "purl.org/rss/1.0/modules/content" in namespace:
        return f"content:{local}"
    if "purl.org/dc/elements" in namespace:
        return f"dc:{local}"
    return f"{{{namespace}}}{local}"


def _text(element: Element) -> str:
    return (element.text or "").strip("\r\n") if element.text else ""


def _author(element: Element) -> WxrAuthor:
    values = {name_of(child.tag): _text(child).strip() for child in element}
    return WxrAuthor(
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
        author_id=values.get("wp:author_id", ""),
    )


def _comment(element: Element) -> WxrComment:
    values = {name_of(child.tag): _text(child) for child in element}
    return WxrComment(
        comment_id=values.get("wp:comment_id", "").strip(),
        author=values.get("wp:comment_author", "").strip(),
        email=values.get("wp:comment_author_email", "").strip(),
        url=values.get("wp:comment_author_url", "").strip(),
        date=values.get("wp:comment_date", "").strip(),
        date_gmt=values.get("wp:comment_date_gmt", "").strip(),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", "").strip(),
        type=values.get("wp:comment_type", "").strip(),
        parent=values.get("wp:comment_parent", "").strip(),
        user_id=values.get("wp:comment_user_id", "").strip(),
    )


def _item(element: Element) -> WxrItem:
    item = WxrItem()
    for child in element:
        name = name_of(child.tag)
        if name == "category":
            item.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), _text(child).strip())
            )
        elif name == "wp:comment":
            item.comments.append(_comment(child))
        elif name == "wp:postmeta":
            values = {name_of(c.tag): _text(c) for c in child}
            if values.get("wp:meta_key"):
                item.meta[values["wp:meta_key"]] = values.get("wp:meta_value", "")
        else:
            item.fields[name] = _text(child)
    return item


def read_wxr(path: Path) -> WxrSite:
    """The export in `path`; WxrProblem if it is none, is broken, or declares a DTD."""
    site = WxrSite()
    depth = 0
    seen_channel = False
    wordpress = False
    try:
        events: Any = defusedxml.ElementTree.iterparse(
            str(path), events=("start", "end", "start-ns"), forbid_dtd=True
        )
        for event, element in events:
            if event == "start-ns":
                wordpress = wordpress or "wordpress.org/export/" in str(element[1])
                continue
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise WxrProblem(_("This is not a WordPress export (no <rss> at its root)."))
                if depth == 2 and element.tag == "channel":
                    seen_channel = True
                continue
            depth -= 1
            if depth != 2:
                continue  # only the channel's own children are read here (items whole)
            name = name_of(element.tag)
            if name == "item":
                site.items.append(_item(element))
            elif name == "wp:author":
                site.authors.append(_author(element))
            elif name == "title":
                site.title = _text(element).strip()
            elif name == "link":
                site.link = _text(element).strip()
            elif name == "wp:base_site_url":
                site.base_site_url = _text(element).strip()
            elif name == "wp:base_blog_url":
                site.base_blog_url = _text(element).strip()
            elif name == "wp:wxr_version":
                site.version = _text(element).strip()
            element.clear()
    except defusedxml.DTDForbidden as error:
        raise WxrProblem(
            _(
                "The file declares a document type (<!DOCTYPE>): refused. A WordPress export "
                "has none, and the entities one declares can expand to gigabytes or read "
                "other files."
            )
        ) from error
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as error:
        raise WxrProblem(_("The file declares XML entities: refused.")) from error
    except ParseError as error:
        raise WxrProblem(
            f"The file is not well-formed XML ({error}): nothing was imported."
        ) from error
    except OSError as error:
        raise WxrProblem(_("The file cannot be read: %(error)s.") % {"error": error}) from error
    if not seen_channel or not wordpress:
        raise WxrProblem(
            _("This is not a WordPress export (an RSS file without WordPress's wp: namespace).")
        )
    return site
