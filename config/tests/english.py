"""Reading an English page for Chinese text: what editors wrote in Chinese may stay Chinese when it
is marked ``lang="zh-Hans"``; any other Chinese text on an English page is an untranslated string.

Every app's English-page tests use ``unmarked_chinese(html) == []`` with the ``english`` client
(root conftest.py), and ``marked_chinese`` to check that content stays Chinese.
"""

import re
from html.parser import HTMLParser

HAN = re.compile(r"[\u3400-\u9fff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ChineseText(HTMLParser):
    """Collects each text with Chinese characters and the language it is marked with."""

    def __init__(self):
        super().__init__()
        self.stack, self.found = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            lang = dict(attrs).get("lang")
            self.stack.append((tag, lang if lang is not None else (self.stack[-1][1] if self.stack else None)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = [t for t, _lang in self.stack]
        if HAN.search(data) and "title" not in tags and "script" not in tags:
            self.found.append((self.stack[-1][1] if self.stack else None, " ".join(data.split())))


def chinese_text(html):
    parser = _ChineseText()
    parser.feed(html)
    return parser.found


def unmarked_chinese(html):
    """Chinese text an English page shows outside any element marked as Chinese."""
    return [text for lang, text in chinese_text(html) if lang != "zh-Hans"]


def marked_chinese(html):
    """Chinese text an English page marks as Chinese (content: titles, names, what users wrote)."""
    return [text for lang, text in chinese_text(html) if lang == "zh-Hans"]
