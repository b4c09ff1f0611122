"""English that is English: every interface string is wrapped for translation and has an English text.

Per app (and ``templates`` for the shared templates), two rules (see ``config/i18n_coverage.py``):
no Chinese interface text outside the translation machinery, and no wrapped string without an
English translation in the compiled catalogs.
"""

import pytest

from config import i18n_coverage

APPS = i18n_coverage.app_dirs()


def report(gaps, what):
    lines = "\n".join(str(g) for g in gaps[:60])
    more = f"\n… and {len(gaps) - 60} more" if len(gaps) > 60 else ""
    return f"{len(gaps)} {what}:\n{lines}{more}"


@pytest.mark.parametrize("app", APPS)
def test_no_chinese_interface_text_is_left_outside_the_translation_machinery(app):
    gaps = i18n_coverage.unwrapped(APPS[app])
    assert not gaps, report(gaps, "Chinese strings are not wrapped for translation (wrap them with {% translate %} / _())")


@pytest.mark.parametrize("app", APPS)
def test_every_wrapped_string_has_an_english_translation(app):
    gaps = i18n_coverage.untranslated(APPS[app])
    assert not gaps, report(gaps, "strings have no English translation (makemessages -l en, translate, compilemessages)")


def test_the_checker_finds_unwrapped_text_and_tag_literals(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    page = tmp_path / "page.html"
    page.write_text(
        '{% load i18n %}<h1>{% translate "企业档案" %}</h1>\n<p>未翻译的段落</p>\n'
        '{% include "x.html" with title="通知公告" %}{% include "x.html" with title=_("通知公告") %}\n'
        "{% comment %}注释不算{% endcomment %}{# 也不算 #}{% blocktranslate %}共 {{ n }} 条{% endblocktranslate %}\n",
        encoding="utf-8",
    )
    gaps = i18n_coverage.unwrapped_template_text(page)
    assert [(g.line, g.text) for g in gaps] == [(2, "<p>未翻译的段落</p>"), (3, '"通知公告" in a tag needs _(…)')]
    msgids = [m for _, m, _ in i18n_coverage.template_msgids(page)]
    assert "企业档案" in msgids and "通知公告" in msgids and "共 %(n)s 条" in msgids


def test_the_checker_reads_python_strings(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    module = tmp_path / "mod.py"
    module.write_text(
        '"""模块说明不算。"""\nfrom django.utils.translation import gettext_lazy as _, pgettext\n'
        'LABEL = _("名称")\nOTHER = "未包装"\nCTX = pgettext("按钮", "提交")\n'
        'def f(x):\n    logger.info("日志不算")\n    return f"共{x}条"\n',
        encoding="utf-8",
    )
    found = {(text, wrapped) for _, text, wrapped, _ in i18n_coverage.python_strings(module)}
    assert ("名称", True) in found and ("未包装", False) in found and ("提交", True) in found
    assert not any("日志" in text or "模块说明" in text for text, _ in found)
    assert any(text.startswith('f"共') and not wrapped for text, wrapped in found)


def catalogs():
    root = i18n_coverage.project_root()
    for po in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
        if ".venv" not in po.parts:
            yield pytest.param(po, id=str(po.relative_to(root)))


def key(value):
    """A message's id or text as babel reads it (a plural's is a list or a tuple)."""
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


@pytest.mark.parametrize("po", list(catalogs()))
def test_every_compiled_catalog_matches_its_source(po):
    """The .mo files are committed (a fresh machine may have no msgfmt); each must be compiled from
    the current .po — after editing a .po, run ``manage.py compilemessages`` in its app."""
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run manage.py compilemessages"
    with po.open("rb") as source, mo.open("rb") as compiled:
        wanted = {(m.context, key(m.id)): key(m.string) for m in read_po(source) if m.id and any(key(m.string)) and not m.fuzzy}
        have = {(m.context, key(m.id)): key(m.string) for m in read_mo(compiled) if m.id}
    stale = [msgid for msgid, text in wanted.items() if have.get(msgid) != text]

    assert not stale, f"{mo} is older than {po.name} for {len(stale)} strings (e.g. {stale[:3]}): run manage.py compilemessages"
