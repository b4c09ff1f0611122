"""Statistics against a hand-computed fixture, scoping by role, the XLSX export and the public page.

The fixture (filed unless noted):

| # | enterprise (city, ownership) | kind        | country | USD        | filed       |
|---|------------------------------|-------------|---------|------------|-------------|
| 1 | 长沙 private                  | investment  | VN Asia | 2,000,000  | 2025-03-10  |
| 2 | 长沙 private                  | contracting | US N.Am | 6,000,000  | 2025-03-20  |
| 3 | 邵阳 state                    | investment  | BR L.Am | 1,000,000  | 2026-01-05  |
| 4 | 省直 state                    | labour      | DE Eur  |   500,000  | 2026-02-01  |
| – | 邵阳 state, submitted (not counted)          | VN | 9,999,999 |             |
| – | 长沙 private, cancelled (not counted)         | KE | 3,000,000 | 2025-05-01  |
"""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from filings.models import Kind, State
from stats.selectors import apply_filters, statistics_scope, summarize, totals


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def fixture_filings(people, make_filing):
    owner, other, prov = people["owner"], people["other"], people["provincial_ent"]
    make_filing(owner, kind=Kind.INVESTMENT, country="VN", amount="2000000", state=State.FILED, filed_at=at(datetime.date(2025, 3, 10)), project_name="越南项目")
    make_filing(owner, kind=Kind.CONTRACTING, country="US", amount="6000000", state=State.FILED, filed_at=at(datetime.date(2025, 3, 20)), industry="E")
    make_filing(other, kind=Kind.INVESTMENT, country="BR", amount="1000000", state=State.FILED, filed_at=at(datetime.date(2026, 1, 5)))
    make_filing(prov, kind=Kind.LABOUR, country="DE", amount="500000", state=State.FILED, filed_at=at(datetime.date(2026, 2, 1)), industry="L")
    make_filing(other, kind=Kind.INVESTMENT, country="VN", amount="9999999", state=State.SUBMITTED)
    make_filing(owner, kind=Kind.INVESTMENT, country="KE", amount="3000000", state=State.CANCELLED, filed_at=at(datetime.date(2025, 5, 1)))
    return people


def table(rows, *fields):
    return {r["key"]: tuple(r[f] for f in fields) for r in rows}


def test_totals_count_only_filed_projects(fixture_filings):
    qs = statistics_scope(fixture_filings["dept"])
    assert totals(qs) == {"filings": 4, "enterprises": 3, "amount_usd": Decimal("9500000.00")}


def test_by_city_counts_enterprises_and_shares_of_enterprises(fixture_filings):
    rows = summarize(statistics_scope(fixture_filings["dept"]), "city")
    assert table(rows, "filings", "enterprises", "amount_usd") == {
        "changsha": (2, 1, Decimal("8000000.00")),
        "shaoyang": (1, 1, Decimal("1000000.00")),
        "province": (1, 1, Decimal("500000.00")),
    }
    assert [r["label"] for r in rows][0] == "长沙市"
    assert all(r["share"] == pytest.approx(1 / 3) for r in rows)


def test_by_continent_splits_north_and_latin_america(fixture_filings):
    rows = summarize(statistics_scope(fixture_filings["dept"]), "continent")
    assert table(rows, "filings", "amount_usd", "share") == {
        "asia": (1, Decimal("2000000.00"), 0.25),
        "north_america": (1, Decimal("6000000.00"), 0.25),
        "latin_america": (1, Decimal("1000000.00"), 0.25),
        "europe": (1, Decimal("500000.00"), 0.25),
    }
    assert {r["label"] for r in rows} == {"亚洲", "北美洲", "拉丁美洲", "欧洲"}


def test_by_ownership_month_year_kind_country_and_industry(fixture_filings):
    qs = statistics_scope(fixture_filings["dept"])
    ownership = summarize(qs, "ownership")
    assert table(ownership, "filings", "enterprises", "amount_usd") == {"private": (2, 1, Decimal("8000000.00")), "state": (2, 2, Decimal("1500000.00"))}
    assert table(ownership, "share")["state"] == (pytest.approx(2 / 3),)
    assert [(r["key"], r["filings"], r["amount_usd"]) for r in summarize(qs, "month")] == [
        ("2025-03", 2, Decimal("8000000.00")), ("2026-01", 1, Decimal("1000000.00")), ("2026-02", 1, Decimal("500000.00"))
    ]
    assert [(r["key"], r["filings"], r["amount_usd"]) for r in summarize(qs, "year")] == [(2025, 2, Decimal("8000000.00")), (2026, 2, Decimal("1500000.00"))]
    assert table(summarize(qs, "kind"), "filings", "amount_usd") == {
        "investment": (2, Decimal("3000000.00")), "contracting": (1, Decimal("6000000.00")), "labour": (1, Decimal("500000.00"))
    }
    assert table(summarize(qs, "country"), "label", "filings") == {"VN": ("越南", 1), "US": ("美国", 1), "BR": ("巴西", 1), "DE": ("德国", 1)}
    assert table(summarize(qs, "industry"), "filings") == {"C": (2,), "E": (1,), "L": (1,)}


def test_filters_by_year_kind_and_city(fixture_filings):
    qs = statistics_scope(fixture_filings["dept"])
    assert totals(apply_filters(qs, year=2026))["amount_usd"] == Decimal("1500000.00")
    assert totals(apply_filters(qs, kind="investment"))["filings"] == 2
    assert totals(apply_filters(qs, city="shaoyang", kind="investment"))["amount_usd"] == Decimal("1000000.00")


def test_city_bureau_sees_its_own_city_only(client, fixture_filings):
    assert totals(statistics_scope(fixture_filings["city"])) == {"filings": 2, "enterprises": 1, "amount_usd": Decimal("8000000.00")}
    client.force_login(fixture_filings["city"])
    html = client.get("/stats/", {"city": "shaoyang"}).content.decode()
    assert 'data-total="filings">2<' in html and "邵阳市" not in html.split('data-table="city"')[1].split("</table>")[0]


def test_department_dashboard_shows_every_city(client, fixture_filings):
    client.force_login(fixture_filings["dept"])
    html = client.get("/stats/").content.decode()
    assert 'data-total="filings">4<' in html and 'data-total="enterprises">3<' in html
    assert 'id="stats-data"' in html and "<script>" not in html.replace('<script id="stats-data" type="application/json">', "")
    assert "vendor/echarts-maps/hunan.json" in html


@pytest.mark.parametrize("name", ["owner", "outsider"])
def test_enterprises_and_individuals_cannot_open_the_dashboard_or_export(client, fixture_filings, name):
    client.force_login(fixture_filings[name])
    assert client.get("/stats/").status_code == 403
    assert client.get("/stats/export.xlsx").status_code == 403


def test_anonymous_users_are_sent_to_login(client):
    assert client.get("/stats/").status_code == 302


def test_xlsx_export_matches_the_tables(client, fixture_filings):
    client.force_login(fixture_filings["dept"])
    response = client.get("/stats/export.xlsx", {"year": "2025"})
    book = load_workbook(BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["合计"].iter_rows(values_only=True)}
    assert summary["备案项目数"] == 2 and summary["金额合计(美元)"] == 8000000.0 and "年份=2025" in summary["筛选条件"]
    cities = list(book["按市州"].iter_rows(values_only=True))
    assert cities[0] == ("市州", "项目数", "企业数", "金额(美元)", "占比")
    assert cities[1:] == [("长沙市", 2, 1, 8000000.0, 1.0)]
    assert set(book.sheetnames) >= {"按月", "按年", "按大洲", "按国家(地区)", "按行业", "按企业性质", "按项目类型"}


def test_public_page_shows_aggregates_but_no_enterprise_or_project(client, fixture_filings):
    html = client.get("/stats/public/").content.decode()
    assert "长沙测试机械有限公司" not in html and "越南项目" not in html
    assert "<strong>4</strong>" in html and "北美洲" in html and "长沙市" in html


def test_dashboard_counts_a_newly_filed_project_at_once_despite_the_cache(client, fixture_filings, make_filing):
    from filings import services

    client.force_login(fixture_filings["dept"])
    assert 'data-total="filings">4<' in client.get("/stats/").content.decode()
    waiting = make_filing(fixture_filings["owner"], state=State.PROVINCIAL_REVIEW, country="TH")
    services.file_filing(waiting, by=fixture_filings["dept"])
    html = client.get("/stats/").content.decode()
    assert 'data-total="filings">5<' in html and "泰国" in html
