"""The creator's own CSS, sanitised as CSS (tinycss2), never as text.

Kept: ordinary rules (a selector and its declarations) and @media blocks of them. Dropped:
every other at-rule (@import, @font-face, @namespace, @charset, @keyframes…), anything that
does not parse, declarations of properties that run code or load things (behavior,
-moz-binding…), and every value that loads something or runs something: url() in any form
(also inside image-set() and the like), expression(), and any value or selector with "<"
(no `</style` in any form). What is kept is written out again by the serializer, so what the
browser reads is exactly what was checked.
"""

import re

import tinycss2  # type: ignore[import-untyped]
from tinycss2 import ast

MAX_CHARS = 20000
MAX_RULES = 500
_PROPERTY = re.compile(r"^-?[a-z][a-z0-9-]*$")
_FORBIDDEN_PROPERTIES = frozenset({"behavior", "behaviour", "-moz-binding", "-ms-behavior"})
# Functions that load something or run something.
_FORBIDDEN_FUNCTIONS = frozenset(
    {"url", "src", "expression", "image", "image-set", "-webkit-image-set", "element", "paint"}
    | {"cross-fade", "-webkit-cross-fade"}
)
_BLOCKS = (ast.ParenthesesBlock, ast.SquareBracketsBlock, ast.CurlyBracketsBlock)


def _safe_tokens(tokens: list[ast.Node]) -> bool:
    for token in tokens:
        if isinstance(token, ast.URLToken):
            return False
        if isinstance(token, ast.FunctionBlock):
            if token.lower_name in _FORBIDDEN_FUNCTIONS or "url" in token.lower_name:
                return False
            if not _safe_tokens(token.arguments):
                return False
        if isinstance(token, _BLOCKS) and not _safe_tokens(token.content):
            return False
        if isinstance(token, ast.ParseError):
            return False
        if isinstance(token, ast.StringToken) and ("<" in token.value or "\\" in token.value):
            return False
    return True


def _declarations(content: list[ast.Node]) -> str:
    kept = []
    for item in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if not isinstance(item, ast.Declaration):
            continue
        name = item.lower_name
        if not _PROPERTY.match(name) or name in _FORBIDDEN_PROPERTIES:
            continue
        if not _safe_tokens(item.value):
            continue
        value = tinycss2.serialize(item.value).strip()
        if not value or "<" in value:
            continue
        important = " !important" if item.important else ""
        kept.append(f"  {name}: {value}{important};")
    return "\n".join(kept)


def _rule(rule: ast.QualifiedRule) -> str | None:
    if not _safe_tokens(rule.prelude) or rule.content is None:
        return None
    selector = tinycss2.serialize(rule.prelude).strip()
    if not selector or "<" in selector or "{" in selector or "}" in selector:
        return None
    body = _declarations(rule.content)
    if not body:
        return None
    return f"{selector} {{\n{body}\n}}"


def _rules(nodes: list[ast.Node], *, nested: bool, budget: list[int]) -> list[str]:
    out = []
    for node in nodes:
        if budget[0] <= 0:
            break
        if isinstance(node, ast.QualifiedRule):
            text = _rule(node)
        elif isinstance(node, ast.AtRule) and node.lower_at_keyword == "media" and not nested:
            text = _media(node, budget)
        else:
            text = None  # other at-rules, parse errors
        if text:
            out.append(text)
            budget[0] -= 1
    return out


def _media(rule: ast.AtRule, budget: list[int]) -> str | None:
    if rule.content is None or not _safe_tokens(rule.prelude):
        return None
    query = tinycss2.serialize(rule.prelude).strip()
    if not query or "<" in query or "{" in query or ";" in query:
        return None
    inner = _rules(
        tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
        nested=True,
        budget=budget,
    )
    if not inner:
        return None
    body = "\n".join(inner)
    return f"@media {query} {{\n{body}\n}}"


def sanitise(css: str) -> str:
    """The part of `css` that is ordinary, safe CSS (at most MAX_CHARS are read)."""
    nodes = tinycss2.parse_stylesheet(css[:MAX_CHARS], skip_comments=True, skip_whitespace=True)
    kept = _rules(nodes, nested=False, budget=[MAX_RULES])
    return "\n".join(kept) + ("\n" if kept else "")
