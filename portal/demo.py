"""Demo content of the portal: the column tree, country facts, city zones, ~250 articles with
guide PDFs, and a few pages in review and scheduled, so the workflows can be tried at once.

Idempotent: articles are matched by their ``demo-…`` external id, documents by title, pages in
review by slug. Loads in a few seconds (articles go through the bulk writer of the import).
"""

import hashlib
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from accounts.models import User
from portal.bootstrap import ensure_portal_tree
from portal.bulk_articles import ArticleData, save_articles
from portal.demo_articles import CITY_HIGHLIGHTS, generate
from portal.demo_countries import COUNTRIES
from portal.models import ArticlePage, CityZonePage, ColumnPage, CountryPage, HomePage
from portal.simple_pdf import make_pdf
from taxonomy.cities import City

ORDER = 20
GUIDE_COUNTRIES = ["KE", "NG", "ET", "ZA", "VN", "ID", "MY", "KZ", "AE", "DE", "BR", "PK"]


def _document(title, lines):
    Document = get_document_model()
    doc = Document.objects.filter(title=title).first()
    if doc is None:
        doc = Document(title=title)
        doc.file.save(f"{hashlib.sha256(title.encode()).hexdigest()[:12]}.pdf", ContentFile(make_pdf(title, lines)), save=False)
        doc.save()
    return doc


def _home(home):
    if not home.banner_title:
        HomePage.objects.filter(pk=home.pk).update(
            banner_title="湘企出海，一站服务",
            banner_text="政策、国别、项目、金融与对接服务汇聚一处，陪伴湖南企业稳步走向世界。",
        )


def _country_facts():
    pages = {p.country_id: p for p in CountryPage.objects.filter(country_id__in=COUNTRIES)}
    for code, facts in COUNTRIES.items():
        page = pages.get(code)
        if page is None or page.capital:
            continue
        capital, population, area, currency, languages, tz, gdp, overview, environment, finance, treaty, travel, ties = facts
        fields = {
            "capital": capital, "population": population, "area": area, "currency": currency, "languages": languages,
            "time_zone": tz, "gdp": gdp, "overview": f"<p>{overview}</p>", "business_environment": f"<p>{environment}</p>",
            "finance_overview": f"<p>{finance}</p>", "tax_treaty": treaty, "travel_services": f"<p>{travel}</p>", "hunan_ties": ties,
            "policy_summary": f"<p>在{page.title}开展投资合作，需重点了解外资准入、公司注册、税收、劳动用工、外汇和环境保护等方面的规定；下列政策法规按发布时间排列。</p>",
        }
        if code in GUIDE_COUNTRIES:
            fields["guide_document"] = _document(
                f"对外投资合作国别(地区)指南——{page.title}",
                [f"{page.title}概况：{overview}", f"营商环境：{environment}", f"金融与外汇：{finance}", "本文件为演示资料，由湘企出海+编写。"],
            )
            fields["tax_guide_document"] = _document(
                f"中国居民赴{page.title}投资税收指南",
                [f"税收协定：{treaty}", "企业应在当地依法办理税务登记，按期申报缴纳企业所得税、增值税等税种。", "本文件为演示资料。"],
            )
        CountryPage.objects.filter(pk=page.pk).update(**fields)


def _zones():
    for zone in CityZonePage.objects.filter(intro=""):
        city = City(zone.city)
        CityZonePage.objects.filter(pk=zone.pk).update(
            intro=f"<p>{city.label}商务局在此发布本地区对外经贸动态、通知公告和活动信息，服务本地企业走出去。</p>",
            address=f"{city.label}政务服务中心",
            phone="0731-00000000" if city == City.CHANGSHA else "",
            highlights=CITY_HIGHLIGHTS[city],
        )


def _leaf_columns(home):
    columns = list(ColumnPage.objects.descendant_of(home).order_by("path"))
    parents = {c.path[:-4] for c in columns}
    return {c.slug: c for c in columns if c.path not in parents}


def _items(home):
    leaves = _leaf_columns(home)
    zones = {z.city: z for z in CityZonePage.objects.all()}
    spec = {slug: (c.default_kind, c.info_class) for slug, c in leaves.items()}
    items = []
    for target, row in generate(spec, list(zones)):
        parent = zones[target.split(":", 1)[1]] if target.startswith("zone:") else leaves[target]
        attachments = []
        if row["kind"] == "guide" or target in {"notices", "policies"} and row["id"].endswith("-0"):
            attachments = [_document(row["title"], [row["summary"], "本文件为演示资料，由湘企出海+编写。"])]
        items.append(
            ArticleData(
                external_id=row["id"], title=row["title"], parent=parent, kind=row["kind"], info_class=row["info_class"],
                date=row["date"], body=row["body"], summary=row["summary"], source=row["source"],
                doc_number=row.get("doc_number", ""), effective_date=row.get("effective_date"), expires_at=row.get("expires_at"),
                city=row.get("city", ""), countries=row["countries"], industries=row["industries"], tags=row["tags"], attachments=attachments,
            )
        )
    return items


def _in_review(home):
    """Two drafts waiting for their class's reviewers and one approved page scheduled for tomorrow."""
    users = {u.username: u for u in User.objects.filter(username__in=["bank_editor", "operator", "dept_admin"])}
    if len(users) < 3:
        return
    finance = ColumnPage.objects.filter(slug="finance").first()
    notices = ColumnPage.objects.filter(slug="notices").first()
    drafts = [
        (finance, "bank_editor", "demo-review-fx-hedging", "企业外汇套期保值业务指引（征求意见稿）", "financial", "service"),
        (notices, "operator", "demo-review-training", "关于举办境外安全风险防范培训班的通知（待审）", "basic", "notice"),
    ]
    for parent, username, slug, title, info_class, kind in drafts:
        if parent is None or ArticlePage.objects.filter(slug=slug).exists():
            continue
        page = ArticlePage(title=title, slug=slug, live=False, owner=users[username], info_class=info_class, kind=kind,
                           summary="本条为演示用待审内容。", body="<p>本条为演示用待审内容，请审核人在管理后台处理。</p>")
        parent.add_child(instance=page)
        page.save_revision(user=users[username])
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, users[username])
    if notices is not None and not ArticlePage.objects.filter(slug="demo-scheduled-notice").exists():
        page = ArticlePage(title="关于公布年度外经贸发展专项资金支持项目的通知（定时发布）", slug="demo-scheduled-notice", live=False,
                           owner=users["dept_admin"], kind="notice", info_class="basic", summary="本条将在明天自动发布。",
                           body="<p>本条为演示用定时发布内容，到达发布时间后由后台任务自动上线。</p>")
        notices.add_child(instance=page)
        page.go_live_at = timezone.now() + timedelta(days=1)
        page.save_revision(user=users["dept_admin"]).publish(user=users["dept_admin"])


def load(stdout):
    home = ensure_portal_tree()
    _home(home)
    _country_facts()
    _zones()
    outcome = save_articles(_items(home))
    _in_review(home)
    stdout.write(f"portal: {len(outcome.created)} articles created, {len(outcome.updated)} updated, {outcome.unchanged} unchanged")
