"""Highlighted snippets: a window of the text around the first match, escaped, terms in <mark>.

The text is escaped piece by piece and only our own <mark> tags are added, so nothing a content
author wrote can turn into markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BEFORE = 40
LENGTH = 150


def _pattern(terms: list[str]):
    terms = [t for t in terms if t.strip()]
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)), re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with every occurrence of ``terms`` wrapped in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    out, position = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append("<mark>" + escape(match.group(0)) + "</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(text: str, terms: list[str], length: int = LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first term found, highlighted."""
    if not text:
        return mark_safe("")
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - BEFORE) if match else 0
    end = min(len(text), start + length)
    piece = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(escape(prefix) + highlight(piece, terms) + escape(suffix))  # noqa: S308 - escaped
