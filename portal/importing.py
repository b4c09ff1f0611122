"""Import the old platform's articles from CSV, XLSX or JSON Lines (``manage.py import_articles``).

Fields: ``id`` (external id), ``title``, ``body`` (plain text or HTML), ``column`` (a sub-column's
Chinese name, or ``父栏目/子栏目`` where the name is not unique, or a city zone's name),
``countries`` (ISO alpha-2), ``industries`` (GB/T 4754 letters), ``published_at`` (YYYY-MM-DD);
optional ``source``, ``doc_number``, ``effective_date``, ``expires_at``, ``summary``, ``tags``,
``kind`` and ``attachments`` (file paths relative to the import file). In CSV and XLSX a list is
written with commas, semicolons, ``、`` or spaces between the items.

Each row is checked on its own; a bad row is reported with its line number and the reason while
the good rows are imported. Rows are matched on ``id``: an unchanged row changes nothing.
"""

import csv
import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import nh3
from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from portal.bulk_articles import ArticleData
from portal.models import ArticleKind, CityZonePage, ColumnPage
from taxonomy.cities import SHORT_NAMES
from taxonomy.models import Country, Industry

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a", "blockquote", "hr"}
LIST_SPLIT = re.compile(r"[,;，；、\s]+")
HTML_HINT = re.compile(r"<\s*[a-zA-Z][^>]*>")
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


class RowError(Exception):
    pass


@dataclass
class ImportReport:
    rows: int = 0
    valid: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (line, external id, message)


# ---------------------------------------------------------------------------
# Reading: every reader yields (line number, dict of raw values)
# ---------------------------------------------------------------------------
def read_rows(path: Path):
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in {".jsonl", ".ndjson"}:
        return _read_jsonl(path)
    raise RowError(_("不支持的文件类型“{suffix}”：请使用 .csv、.xlsx 或 .jsonl").format(suffix=path.suffix))


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        start = 2
        for row in reader:
            yield start, {k.strip(): v for k, v in row.items() if k}
            start = reader.line_num + 1


def _read_xlsx(path):
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        yield number, {h: v for h, v in zip(header, values, strict=False) if h}
    book.close()


def _read_jsonl(path):
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, RowError(_("不是有效的 JSON：{reason}（第 {column} 列）").format(reason=error.msg, column=error.colno))
                continue
            yield number, value if isinstance(value, dict) else RowError(_("每一行应当是一个 JSON 对象"))


# ---------------------------------------------------------------------------
# Checking one row
# ---------------------------------------------------------------------------
def _text(row, name, *, required=False, max_length=None):
    value = row.get(name)
    value = "" if value is None else str(value).strip()
    if required and not value:
        raise RowError(_("缺少必填字段“{name}”").format(name=name))
    if max_length and len(value) > max_length:
        raise RowError(_("“{name}”过长（最多 {max_length} 个字符）").format(name=name, max_length=max_length))
    return value


def _list(row, name):
    value = row.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v for v in LIST_SPLIT.split(str(value).strip()) if v]


def _date(row, name, *, required=False):
    value = row.get(name)
    if isinstance(value, date):
        return value if not hasattr(value, "date") else value.date()
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise RowError(_("缺少必填字段“{name}”").format(name=name))
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise RowError(_("“{name}”不是有效日期“{text}”，应为 YYYY-MM-DD").format(name=name, text=text)) from None


def clean_body(text: str) -> str:
    """Sanitised HTML for the article body: HTML is cleaned, plain text becomes paragraphs."""
    if HTML_HINT.search(text):
        return nh3.clean(text, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r?\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def plain_summary(body_html: str, limit=150) -> str:
    text = re.sub(r"\s+", " ", nh3.clean(body_html, tags=set())).strip()
    return html.unescape(text)[:limit]


class RowChecker:
    """Turns raw rows into ``ArticleData``, raising ``RowError`` with a reason in Chinese."""

    def __init__(self, base_dir: Path, *, save_files: bool):
        self.base_dir = base_dir
        self.save_files = save_files
        self.countries = set(Country.objects.values_list("code", flat=True))
        self.industries = set(Industry.objects.values_list("code", flat=True))
        self.targets, self.ambiguous = self._targets()
        self.seen_ids = set()

    def _targets(self):
        columns = list(ColumnPage.objects.order_by("path"))
        by_path = {c.path: c for c in columns}
        targets, ambiguous = {}, set()
        for column in columns:
            parent = by_path.get(column.path[:-4])
            names = [column.title] + ([f"{parent.title}/{column.title}"] if parent else [])
            for n, name in enumerate(names):
                if name in targets and n == 0:
                    ambiguous.add(name)
                targets.setdefault(name, column)
        for zone in CityZonePage.objects.all():
            targets[zone.title] = zone
            targets[SHORT_NAMES.get(zone.city, zone.title)] = zone
        return targets, ambiguous

    def column(self, name):
        if name in self.ambiguous:
            raise RowError(_("栏目名称“{name}”不唯一，请写成“父栏目/{name}”").format(name=name))
        target = self.targets.get(name)
        if target is None:
            raise RowError(_("找不到栏目“{name}”").format(name=name))
        return target

    def check(self, row) -> ArticleData:
        external_id = _text(row, "id", required=True, max_length=64)
        if external_id in self.seen_ids:
            raise RowError(_("编号“{id}”在文件中重复出现").format(id=external_id))
        title = _text(row, "title", required=True, max_length=255)
        body_raw = _text(row, "body", required=True)
        parent = self.column(_text(row, "column", required=True))
        countries = [c.upper() for c in _list(row, "countries")]
        unknown = [c for c in countries if c not in self.countries]
        if unknown:
            raise RowError(_("国家代码无效：{codes}（应为 ISO 3166 两位字母代码，如 KE）").format(codes=", ".join(unknown)))
        industries = [i.upper() for i in _list(row, "industries")]
        unknown = [i for i in industries if i not in self.industries]
        if unknown:
            raise RowError(_("行业代码无效：{codes}（应为 GB/T 4754 门类字母 A–T）").format(codes=", ".join(unknown)))
        published = _date(row, "published_at", required=True)
        expires = _date(row, "expires_at")
        if expires and expires < published:
            raise RowError(_("“expires_at”早于“published_at”"))
        kind = _text(row, "kind") or getattr(parent, "default_kind", ArticleKind.NEWS)
        if kind not in ArticleKind.values:
            raise RowError(_("文章类型“{kind}”无效").format(kind=kind))
        body = clean_body(body_raw)
        attachments = [self.attachment(spec) for spec in _list(row, "attachments")]
        self.seen_ids.add(external_id)
        return ArticleData(
            external_id=external_id, title=title, parent=parent, kind=kind,
            info_class=getattr(parent, "info_class", "basic") if isinstance(parent, ColumnPage) else "basic",
            date=published, body=body, summary=_text(row, "summary", max_length=400) or plain_summary(body),
            source=_text(row, "source", max_length=120), doc_number=_text(row, "doc_number", max_length=80),
            effective_date=_date(row, "effective_date"), expires_at=expires,
            city=parent.city if isinstance(parent, CityZonePage) else "", countries=countries, industries=industries,
            tags=[t[:100] for t in _list(row, "tags")], attachments=attachments,
        )

    def attachment(self, spec):
        if re.match(r"^[a-z]+://", spec):
            raise RowError(_("附件“{file}”是网络地址：请先下载，再写相对于导入文件的路径").format(file=spec))
        path = (self.base_dir / spec).resolve()
        if self.base_dir.resolve() not in path.parents:
            raise RowError(_("附件“{file}”不在导入文件所在目录下").format(file=spec))
        if not path.is_file():
            raise RowError(_("找不到附件“{file}”").format(file=spec))
        extension = path.suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise RowError(_("附件“{file}”的类型 .{extension} 不允许").format(file=spec, extension=extension))
        if path.stat().st_size > MAX_ATTACHMENT_BYTES:
            raise RowError(_("附件“{file}”超过 20 MB").format(file=spec))
        Document = get_document_model()
        with open(path, "rb") as f:
            existing = Document.objects.filter(file_hash=hash_filelike(f)).first()
        if existing is not None:
            return existing  # the same file was imported before: reuse it
        return self._document(path) if self.save_files else _PendingDocument(path)

    def _document(self, path):
        Document = get_document_model()
        document = Document(title=path.stem)
        with open(path, "rb") as f:
            document.file.save(path.name, File(f), save=False)
        document._set_document_file_metadata()
        document.save()
        return document


@dataclass
class _PendingDocument:
    """Stands for an attachment in a dry run, where nothing is written."""

    path: Path

    @property
    def pk(self):
        return str(self.path)


def check_file(path: Path, *, save_files: bool) -> ImportReport:
    report = ImportReport()
    checker = RowChecker(path.parent, save_files=save_files)
    for line, row in read_rows(path):
        report.rows += 1
        if isinstance(row, RowError):
            report.errors.append((line, "", str(row)))
            continue
        try:
            report.valid.append(checker.check(row))
        except RowError as error:
            report.errors.append((line, str(row.get("id") or ""), str(error)))
    return report
