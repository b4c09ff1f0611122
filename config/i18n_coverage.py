"""Is the interface translated? Finds Chinese text left outside the translation machinery, and
translatable strings that have no English translation.

The interface is written in Chinese and translated to English with Django's gettext catalogs
(``locale/en`` for the shared templates, ``<app>/locale/en`` for each app). Two kinds of gap:

* **unwrapped** — Chinese text a user sees that gettext never gets to translate: text in a
  template outside ``{% translate %}`` / ``{% blocktranslate %}``, a Chinese string literal inside
  a template tag or variable without ``_("…")``, or a Chinese string literal in Python code that
  is not an argument of ``gettext`` / ``gettext_lazy`` / ``ngettext`` / ``pgettext`` (or ``_``);
* **untranslated** — a string that is wrapped but for which the English catalog has nothing.

Content is not interface: articles, demo data, synonym tables, reference data and the texts
users write are data, and are listed in ``DATA_MODULES`` (Python files whose Chinese strings are
data) with the reason. Docstrings and comments are not looked at; log messages are for operators.

``config/tests/test_english.py`` runs these checks per app.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils import translation
from django.utils.translation.template import templatize

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
HAN = re.compile(r"[\u3400-\u9fff]")
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy", "gettext_noop"}
# Python files whose Chinese strings are data, not interface (path relative to the project).
DATA_MODULES = {
    "portal/demo_countries.py": "demo content: sample country pages",
    "portal/demo_articles.py": "demo content: sample articles",
    "portal/tree.py": "the columns of the page tree, created as Wagtail pages (content, edited in the admin)",
    "portal/initial_content.py": "the home page's title and intro, the site's name and the review workflows' names: rows created once and edited in the admin (content; workflows are found by name)",
    "guides/content.py": "the texts of the service guides (content)",
    "matching/engine/lexicon.py": "the Chinese vocabulary the matching engine recognises",
    "matching/engine/places.py": "the Chinese place names the matching engine recognises",
    "matching/engine/scoring.py": "the matching engine (plain Python, no Django): its match reasons are stored with each match (Match.reasons, shown marked as Chinese); its weight errors are for operators (settings check, match_eval)",
    "matching/engine/documents.py": "the matching engine's readers of amounts and industries (万, 亿, 美元 and the 业 of section names are input it parses); its errors go to the match_eval harness and, inside the import's error, to the peer platform",
    "matching/engine/evaluation.py": "the matching relevance harness for developers (match_eval)",
    "notifications/testing.py": "test doubles (an SMS gateway that records, a local WeChat server), used only by tests",
    "search/chinese_text.py": "Chinese word lists for segmentation and stop words",
    "search/data": "the seeded synonym table (Chinese search vocabulary)",
    "search/evaluation.py": "the relevance harness for developers (search_eval)",
    "search/synonyms.py": "the country aliases people type (美利坚, 刚果金, 香港): Chinese search vocabulary",
    "taxonomy/cities.py": "reference data: the 14 cities and their counties",
    "taxonomy/industries.py": "reference data: GB/T 4754 industry names (English names kept beside them)",
    "taxonomy/data": "reference data files",
    "aid/spreadsheet_format.py": "the aid import spreadsheet's file format: Chinese column headers and cell words (男/女, 省直), the same whatever the page's language",
    "rating/scorecard.py": "the default scorecard a rating year starts from: dimension and indicator names, units and guidance stored as rows the department edits (content)",
    "events/personal_data.py": "the word stored in place of an erased attendee's name (a stored value, written the same whatever the page's language)",
    "consultation/personal_data.py": "the name and question text stored in place of an erased asker's (stored values, written the same whatever the page's language)",
    "directory/chinese_text.py": "Chinese stop words for segmenting directory profiles and queries",
    "accounts/privacy_text.py": "the privacy policy (a versioned legal text; an English version is a separate text)",
    "filings/numbering.py": "the form of filing numbers (湘境投备〔2026〕00001号): an official numbering stored with each filing, the same whatever the page's language",
    "labour/spreadsheet_format.py": "the worker list's file format: Chinese column headers, the template's example row and the gender words stored (男/女), the same whatever the page's language",
    "accounts/roles.py": "the roles' group names (the Group rows are created and found by these names, and are shown as stored) and descriptions (the demo accounts sheet)",
    "accounts/sms.py": "the SMS gateways' error texts, written to the audit log for the operators (users are shown a sentence of their own)",
    "accounts/sms_texts.py": "the SMS texts: the gateways' pre-approved Chinese templates, sent to mainland numbers the same whatever the page's language",
    "accounts/two_factor.py": "the name stored on each new TOTP device row",
    "taxonomy/country_names.py": "reference data: the official Chinese names that replace CLDR's and the pinyin readings of characters",
}
# Management commands talk to the operators at a terminal, in Chinese; tests and migrations are not shipped.
SKIP_DIRS = {".venv", "node_modules", "static", "var", "bench", "browser_tests", ".git", "migrations", "tests", "locale", "docs", "management"}
TRANSLATE_TAGS = ("translate", "trans")
BLOCK_TAGS = ("blocktranslate", "blocktrans")


@dataclass(frozen=True)
class Gap:
    path: str
    line: int
    text: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.text[:80]}"


def project_root() -> Path:
    return Path(settings.BASE_DIR)


def relative(path: Path) -> str:
    return str(path.relative_to(project_root()))


def is_data_module(rel: str) -> bool:
    if rel.endswith("/demo.py"):
        return True  # every app's demo content
    return any(rel == key or rel.startswith(key.rstrip("/") + "/") for key in DATA_MODULES)


def source_files(app_dir: Path, suffix: str):
    for path in sorted(app_dir.rglob(f"*{suffix}")):
        parts = set(path.relative_to(project_root()).parts[:-1])
        if parts & SKIP_DIRS:
            continue
        yield path


# --- templates ------------------------------------------------------------------------------------


def unwrapped_template_text(path: Path) -> list[Gap]:
    """Chinese text in a template that no translate tag covers."""
    source = path.read_text(encoding="utf-8")
    gaps = []
    in_block = in_comment = False
    for token in Lexer(source).tokenize():
        content = token.contents
        if token.token_type == TokenType.BLOCK:
            name = content.split(" ", 1)[0]
            if name == "comment":
                in_comment = True
            elif name == "endcomment":
                in_comment = False
            elif name in BLOCK_TAGS:
                in_block = True
            elif name in ("end" + t for t in BLOCK_TAGS):
                in_block = False
        if in_comment or token.token_type == TokenType.COMMENT:
            continue
        first = HAN.search(content)
        if token.token_type == TokenType.TEXT and not in_block and first:
            line = token.lineno + content.count("\n", 0, first.start())
            text = content[content.rfind("\n", 0, first.start()) + 1 :].split("\n", 1)[0]
            gaps.append(Gap(relative(path), line, " ".join(text.split())))
        elif token.token_type in (TokenType.BLOCK, TokenType.VAR) and first:
            name = content.split(" ", 1)[0]
            if name in TRANSLATE_TAGS or name in BLOCK_TAGS or name in ("plural",):
                continue
            # A Chinese literal inside a tag or variable must be _("…").
            for literal in re.findall(r"""(_\()?("[^"]*"|'[^']*')""", content):
                if HAN.search(literal[1]) and not literal[0]:
                    gaps.append(Gap(relative(path), token.lineno, f"{literal[1]} in a tag needs _(…)"))
    return gaps


STRING = r"""u?('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
CALL = re.compile(r"(?<![\w.])(gettext|ngettext|pgettext|npgettext|_)\(\s*" + STRING + r"(?:\s*,\s*" + STRING + r")?")


def template_msgids(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, msgid, context) for every translatable string of a template, as makemessages sees them."""
    found = []
    for lineno, line in enumerate(templatize(path.read_text(encoding="utf-8")).splitlines(), 1):
        for match in CALL.finditer(line):
            kind, first, second = match.group(1), match.group(2), match.group(3)
            unescape = ast.literal_eval  # the literal as Python reads it
            if kind.startswith("p") or kind.startswith("np"):
                found.append((lineno, unescape(second) if second else "", unescape(first)))
            else:
                found.append((lineno, unescape(first), None))
    return found


# --- Python ---------------------------------------------------------------------------------------


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def python_strings(path: Path):
    """Yield (line, text, wrapped, context) for each Chinese string literal of a module (docstrings
    and log messages left out); ``wrapped`` when it is the message of a gettext call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrapped = {}
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in GETTEXT_NAMES and node.args:
                contextual = name.startswith("p") or name.startswith("np")
                message = node.args[1] if contextual and len(node.args) > 1 else node.args[0]
                context = node.args[0].value if contextual and isinstance(node.args[0], ast.Constant) else None
                for arg in node.args[: 3 if name.startswith("n") or name.startswith("np") else 2]:
                    skipped.add(id(arg))
                if isinstance(message, ast.Constant):
                    wrapped[id(message)] = context
            elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id in ("logger", "log", "logging"):
                for arg in ast.walk(node):
                    skipped.add(id(arg))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        elif isinstance(node, ast.JoinedStr):
            for part in node.values:
                skipped.add(id(part))
            text = "".join(p.value for p in node.values if isinstance(p, ast.Constant) and isinstance(p.value, str))
            if HAN.search(text):
                yield node.lineno, "f\"" + text + "\" (an f-string cannot be translated: use _(\"…{x}…\").format(x=…))", False, None
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value):
            if id(node) in wrapped:
                yield node.lineno, node.value, True, wrapped[id(node)]
            elif id(node) not in skipped:
                yield node.lineno, node.value, False, None


# --- the checks -----------------------------------------------------------------------------------


def app_dirs() -> dict[str, Path]:
    """The project's own apps by label, plus ``templates`` for the shared templates."""
    from django.apps import apps

    root = project_root()
    found = {c.label: Path(c.path) for c in apps.get_app_configs() if Path(c.path).is_relative_to(root) and ".venv" not in Path(c.path).parts}
    found["templates"] = root / "templates"
    return dict(sorted(found.items()))


def unwrapped(app_dir: Path) -> list[Gap]:
    gaps = []
    for path in source_files(app_dir, ".html"):
        gaps.extend(unwrapped_template_text(path))
    if app_dir.name != "templates":
        for path in source_files(app_dir, ".py"):
            if is_data_module(relative(path)):
                continue
            gaps.extend(Gap(relative(path), line, text) for line, text, is_wrapped, _ in python_strings(path) if not is_wrapped)
    return gaps


def msgids(app_dir: Path):
    for path in source_files(app_dir, ".html"):
        for line, msgid, context in template_msgids(path):
            yield relative(path), line, msgid, context
    if app_dir.name != "templates":
        for path in source_files(app_dir, ".py"):
            if is_data_module(relative(path)):
                continue
            for line, text, is_wrapped, context in python_strings(path):
                if is_wrapped:
                    yield relative(path), line, text, context


def untranslated(app_dir: Path, language: str = "en") -> list[Gap]:
    """Wrapped Chinese strings whose ``language`` translation is missing."""
    gaps = []
    with translation.override(language):
        for path, line, msgid, context in msgids(app_dir):
            if not HAN.search(msgid):
                continue
            english = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            if english == msgid:
                gaps.append(Gap(path, line, msgid))
    return gaps
