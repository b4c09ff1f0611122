"""``manage.py import_articles``: good, bad and repeated files in CSV, XLSX and JSON Lines."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from portal.models import ArticlePage

pytestmark = pytest.mark.django_db

GOOD = [
    {"id": "old-1", "title": "关于开展境外投资统计的通知", "body": "<p>第一段</p><script>alert(1)</script><p onclick=\"x()\">第二段</p>", "column": "通知公告", "countries": ["KE", "NG"], "industries": ["C"], "published_at": "2019-03-01", "source": "湖南省商务厅", "doc_number": "湘商外〔2019〕3号"},
    {"id": "old-2", "title": "肯尼亚市场调研", "body": "第一段\n\n第二段 <不是标签", "column": "研究报告", "countries": ["KE"], "industries": [], "published_at": "2020-07-15", "expires_at": "2030-01-01"},
    {"id": "old-3", "title": "长沙动态", "body": "长沙企业出海", "column": "长沙", "countries": [], "industries": [], "published_at": "2021-01-02"},
]


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r for r in rows) + "\n", encoding="utf-8")
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", str(path), *args, stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        err.write(str(error))
        code = 1
    return code, out.getvalue(), err.getvalue()


def test_good_jsonl_is_published_sanitised_and_searchable(tmp_path):
    code, out, _ = run(write_jsonl(tmp_path / "a.jsonl", GOOD))
    assert code == 0 and "新建 3 篇" in out
    notice = ArticlePage.objects.get(external_id="old-1")
    assert notice.live and notice.get_parent().title == "通知公告"
    assert notice.body == "<p>第一段</p><p>第二段</p>"
    assert notice.doc_number == "湘商外〔2019〕3号" and str(notice.date) == "2019-03-01"
    assert sorted(notice.countries.values_list("pk", flat=True)) == ["KE", "NG"]
    report = ArticlePage.objects.get(external_id="old-2")
    assert report.body == "<p>第一段</p><p>第二段 &lt;不是标签</p>" and report.kind == "report"
    assert ArticlePage.objects.get(external_id="old-3").city == "changsha"
    assert [p.pk for p in ArticlePage.objects.live().search("关于开展境外投资统计的通知")] == [notice.pk]  # in the search index
    assert ArticlePage.objects.visible().filter(external_id__startswith="old-").count() == 3


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_go_in(tmp_path):
    rows = [
        GOOD[0],
        {**GOOD[1], "countries": ["XX"]},
        "{not json",
        {**GOOD[2], "column": "不存在的栏目"},
        {**GOOD[2], "id": "old-4", "published_at": "2021/01/02"},
        {**GOOD[2], "id": "old-5", "column": "工作动态"},
        {**GOOD[2], "id": "old-6", "title": ""},
        {**GOOD[2], "id": "old-1"},
    ]
    code, out, err = run(write_jsonl(tmp_path / "bad.jsonl", rows))
    assert code == 1
    assert "第 2 行（id=old-2）：国家代码无效：XX" in err
    assert "第 3 行：不是有效的 JSON" in err
    assert "第 4 行（id=old-3）：找不到栏目“不存在的栏目”" in err
    assert "第 5 行（id=old-4）：“published_at”不是有效日期" in err
    assert "第 6 行（id=old-5）：栏目名称“工作动态”不唯一" in err
    assert "第 7 行（id=old-6）：缺少必填字段“title”" in err
    assert "第 8 行（id=old-1）：编号“old-1”在文件中重复出现" in err
    assert list(ArticlePage.objects.filter(external_id__startswith="old-").values_list("external_id", flat=True)) == ["old-1"]


def test_importing_the_same_file_again_changes_nothing_and_a_changed_row_updates(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", GOOD)
    run(path)
    before = {a.pk: (a.title, a.last_published_at) for a in ArticlePage.objects.filter(external_id__startswith="old-")}
    code, out, _ = run(path)
    assert code == 0 and "新建 0 篇，更新 0 篇，未变化 3 篇" in out
    assert {a.pk: (a.title, a.last_published_at) for a in ArticlePage.objects.filter(external_id__startswith="old-")} == before
    changed = [{**GOOD[0], "title": "关于开展境外投资统计的通知（修订）", "countries": ["ET"]}, *GOOD[1:]]
    code, out, _ = run(write_jsonl(path, changed))
    assert "更新 1 篇" in out
    notice = ArticlePage.objects.get(external_id="old-1")
    assert notice.title.endswith("（修订）") and list(notice.countries.values_list("pk", flat=True)) == ["ET"]


def test_dry_run_writes_nothing(tmp_path):
    code, out, _ = run(write_jsonl(tmp_path / "a.jsonl", GOOD), "--dry-run")
    assert code == 0 and "将新建 3 篇" in out
    assert not ArticlePage.objects.filter(external_id__startswith="old-").exists()


def test_csv_and_xlsx_use_the_same_fields(tmp_path):
    from openpyxl import Workbook

    header = ["id", "title", "body", "column", "countries", "industries", "published_at"]
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerow(["csv-1", "CSV 文章", "正文", "热点新闻", "KE、NG", "C,E", "2022-02-02"])
        writer.writerow(["csv-2", "坏行", "正文", "热点新闻", "", "Z", "2022-02-02"])
    code, _, err = run(tmp_path / "a.csv")
    assert code == 1 and "第 3 行（id=csv-2）：行业代码无效：Z" in err
    assert sorted(ArticlePage.objects.get(external_id="csv-1").countries.values_list("pk", flat=True)) == ["KE", "NG"]
    book = Workbook()
    book.active.append(header)
    book.active.append(["x-1", "XLSX 文章", "正文", "政务信息/工作动态", "VN", "", "2023-03-03"])
    book.save(tmp_path / "a.xlsx")
    code, out, _ = run(tmp_path / "a.xlsx")
    assert code == 0
    assert ArticlePage.objects.get(external_id="x-1").get_parent().title == "工作动态"


def test_attachments_are_imported_as_documents_and_checked(tmp_path):
    from portal.simple_pdf import make_pdf

    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "guide.pdf").write_bytes(make_pdf("指南", ["正文"]))
    (tmp_path / "files" / "run.exe").write_bytes(b"MZ")
    rows = [
        {**GOOD[0], "attachments": ["files/guide.pdf"]},
        {**GOOD[1], "attachments": ["files/run.exe"]},
        {**GOOD[2], "attachments": ["../secret.pdf"]},
    ]
    code, _, err = run(write_jsonl(tmp_path / "a.jsonl", rows))
    assert "类型 .exe 不允许" in err and "不在导入文件所在目录下" in err
    notice = ArticlePage.objects.get(external_id="old-1")
    assert [a.document.title for a in notice.attachments.all()] == ["guide"]
    code, out, _ = run(tmp_path / "a.jsonl")  # same attachment again: reused, nothing changes
    assert "未变化 1 篇" in out


def test_unknown_file_type_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    code, _, err = run(tmp_path / "a.txt")
    assert code == 1 and "不支持的文件类型" in err
