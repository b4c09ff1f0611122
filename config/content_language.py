"""Is this text shown as Chinese content on a page in another language?

Content (titles, names, what people wrote, reference names without an English version) stays
Chinese on English pages and is marked ``lang="zh-Hans"``. The template tags
(``portal_tags.content_lang`` / ``chinese_content``) and the choice widgets
(``taxonomy.widgets.Marked*``) ask here, so the rule is in one place.
"""

import re

from django.utils import translation

HAN = re.compile(r"[\u3400-\u9fff]")


def interface_is_chinese() -> bool:
    return (translation.get_language() or "zh-hans").startswith("zh")


def shown_as_chinese(value) -> bool:
    """True for Chinese text on a page whose interface is in another language."""
    return not interface_is_chinese() and value is not None and bool(HAN.search(str(value)))
