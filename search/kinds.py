"""The searchable kinds of the platform, registered by the search app (which owns the registry).

Portal pages (articles of every column, country pages, city zones) always; listings, events,
enterprises and service institutions of the directory, overseas institutions, experts, answered
FAQ questions and 抱团出海 opportunities when their apps are installed (``register_all`` checks
each). Every queryset is the owning app's own definition of
"the public may see it" — live/published, not restricted, not expired — so the index can never
hold what a visitor could not open.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from search.documents import IndexDocument
from search.registry import SearchKind, register
from taxonomy.cities import City

# A document's ``column`` is stored in the index and filtered on as it is: the columns named here
# are stored in Chinese, like the columns' page titles (gettext_noop: the same words as the interface's).


def _text(*parts) -> str:
    return "\n".join(get_text_for_indexing(p) if "<" in (p or "") else (p or "") for p in parts if p)


def _page_date(page):
    published = page.last_published_at or page.first_published_at
    return timezone.localdate(published) if published else timezone.localdate()


def _parent_title(page) -> str:
    parent_path = page.path[: -Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("title", flat=True).first() or ""


def article_document(page) -> IndexDocument:
    countries = list(page.countries.all())
    return IndexDocument(
        kind="article",
        object_id=str(page.pk),
        title=page.title,
        url=page.url or page.url_path,
        date=page.date,
        body=_text(page.summary, page.body),
        column=_parent_title(page),
        countries=[c.code for c in countries],
        industries=[i.code for i in page.industries.all()],
        city=page.city,
        expires_at=page.expires_at,
        extra=" ".join([page.get_kind_display(), page.source, page.doc_number, *(c.name_zh for c in countries), *(t.name for t in page.tags.all())]),
    )


def country_document(page) -> IndexDocument:
    country = page.country
    facts = " ".join(f for f in [page.capital, page.currency, page.languages, page.tax_treaty] if f)
    return IndexDocument(
        kind="country",
        object_id=str(page.pk),
        title=page.title,
        url=page.url or page.url_path,
        date=_page_date(page),
        body=_text(page.overview, facts, page.hunan_ties, page.business_environment, page.policy_summary, page.finance_overview, page.travel_services),
        column=gettext_noop("国别信息"),
        countries=[country.code],
        extra=f"{country.name_zh} {country.name_en}",
    )


def city_zone_document(page) -> IndexDocument:
    return IndexDocument(
        kind="cityzone",
        object_id=str(page.pk),
        title=page.title,
        url=page.url or page.url_path,
        date=_page_date(page),
        body=_text(page.intro, page.highlights, page.bureau_name, page.address),
        column=gettext_noop("市州专区"),
        city=page.city,
        extra=City(page.city).label if page.city in City.values else "",
    )


def _url(name, *args, query="") -> str:
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:  # the app is installed but its URLs are not mounted
        return ""


def _day(value):
    return timezone.localdate(value) if value else timezone.localdate()


def register_portal():
    from portal.models import ArticlePage, CityZonePage, CountryPage

    register(
        SearchKind(
            name="article",
            label=_("文章"),
            model=ArticlePage,
            queryset=lambda: ArticlePage.objects.visible().prefetch_related("countries", "industries", "tags"),
            document=article_document,
        )
    )
    register(
        SearchKind(
            name="country",
            label=_("国别信息"),
            model=CountryPage,
            queryset=lambda: CountryPage.objects.live().public().select_related("country"),
            document=country_document,
        )
    )
    register(
        SearchKind(
            name="cityzone",
            label=_("市州专区"),
            model=CityZonePage,
            queryset=lambda: CityZonePage.objects.live().public(),
            document=city_zone_document,
        )
    )


# ---------------------------------------------------------------------------
# Other apps' public content
# ---------------------------------------------------------------------------
def listing_document(listing):
    countries = list(listing.countries.all())
    return IndexDocument(
        kind="listing",
        object_id=str(listing.pk),
        title=listing.title,
        url=_url("matching:detail", listing.pk),
        date=_day(listing.published_at),
        body=listing.description,
        column=listing.get_kind_display(),
        countries=[c.code for c in countries],
        industries=[i.code for i in listing.industries.all()],
        expires_at=listing.valid_until,
        extra=" ".join([listing.get_side_display(), listing.org_name, *(c.name_zh for c in countries)]),
    )


def register_matching():
    from matching.models import Listing

    register(SearchKind(
        name="listing", label=_("对接信息"), model=Listing,
        queryset=lambda: Listing.objects.in_market().select_related("organization").prefetch_related("countries", "industries"),
        document=listing_document,
    ))


def event_document(event):
    countries = list(event.countries.all())
    ended = timezone.localdate(event.ends_at) if event.ends_at else None
    return IndexDocument(
        kind="event",
        object_id=str(event.pk),
        title=event.title,
        url=_url("events:detail", event.pk),
        date=_day(event.starts_at),
        body="\n".join(p for p in [event.summary, strip_tags(event.body), event.agenda, strip_tags(event.recap)] if p),
        column=event.get_kind_display(),
        countries=[c.code for c in countries],
        industries=[i.code for i in event.industries.all()],
        city=event.city if event.city in City.values else "",
        # A finished event stays findable only when it has a recap worth reading.
        expires_at=None if event.recap else ended,
        extra=" ".join([event.organizer_name, event.venue, event.overseas_location, *(c.name_zh for c in countries)]),
    )


def register_events():
    from events.models import Event, Status
    from events.selectors import public_events

    register(SearchKind(
        name="event", label=_("活动"), model=Event,
        queryset=lambda: public_events().filter(status=Status.PUBLISHED).prefetch_related("countries", "industries"),
        document=event_document,
    ))


def enterprise_document(profile):
    org = profile.organization
    countries = list(profile.countries.all())
    cases = list(profile.cases.all())
    return IndexDocument(
        kind="enterprise",
        object_id=str(profile.pk),
        title=org.name,
        url=_url("directory:profile", org.pk),
        date=_day(profile.updated_at),
        body="\n".join(p for p in [profile.summary, profile.description, profile.business, *(f"{c.title} {c.description}" for c in cases)] if p),
        column=gettext_noop("湘企名录"),
        countries=[c.code for c in countries],
        industries=[i.code for i in org.industries.all()],
        city=getattr(org, "jurisdiction", "") if getattr(org, "jurisdiction", "") in City.values else "",
        extra=" ".join(c.name_zh for c in countries),
    )


def _profile_of_case(case):
    return [case.profile]


def _profile_of_organization(org):
    # Certification withdrawn, name changed: the enterprise's directory entry follows.
    return [getattr(org, "directory_profile", None)]


def service_institution_document(org):
    industries = list(org.industries.all())
    return IndexDocument(
        kind="serviceorg",
        object_id=str(org.pk),
        title=org.name,
        url=_url("directory:institutions", query=f"?q={org.name[:40]}"),
        date=_day(org.certified_at or org.created_at),
        body="\n".join(p for p in [org.get_institution_type_display(), "、".join(i.name_zh for i in industries), org.get_jurisdiction_display()] if p),
        column=gettext_noop("服务机构名录"),
        industries=[i.code for i in industries],
        city=org.jurisdiction if org.jurisdiction in City.values else "",
    )


def register_directory():
    from accounts.models import CertificationStatus, Organization, OrgKind
    from directory.models import EnterpriseCase, EnterpriseProfile
    from directory.selectors import listed_profiles

    register(SearchKind(
        name="enterprise", label=_("企业"), model=EnterpriseProfile,
        queryset=lambda: listed_profiles().prefetch_related("countries", "cases", "organization__industries"),
        document=enterprise_document,
        watch=((EnterpriseCase, _profile_of_case), (Organization, _profile_of_organization)),
    ))
    # The directory's service institutions: certified organisations of the institution kind only.
    register(SearchKind(
        name="serviceorg", label=_("服务机构"), model=Organization,
        queryset=lambda: Organization.objects.filter(kind=OrgKind.INSTITUTION, status=CertificationStatus.CERTIFIED).prefetch_related("industries"),
        document=service_institution_document,
    ))


def institution_document(item):
    return IndexDocument(
        kind="institution",
        object_id=str(item.pk),
        title=item.name,
        url=_url("overseas:detail", item.pk),
        date=_day(item.updated_at),
        body="\n".join(p for p in [item.description, item.services, item.address] if p),
        column=item.get_kind_display(),
        countries=[item.country.code],
        extra=f"{item.country.name_zh} {item.country.name_en} {item.city_name}",
    )


def register_overseas():
    from overseas.models import OverseasInstitution
    from overseas.selectors import public_institutions

    register(SearchKind(
        name="institution", label=_("境外机构"), model=OverseasInstitution,
        queryset=public_institutions, document=institution_document,
    ))


def expert_document(expert):
    countries = list(expert.countries.all())
    fields = [f.get_code_display() for f in expert.fields.all()]
    return IndexDocument(
        kind="expert",
        object_id=str(expert.pk),
        title=f"{expert.name} · {expert.title}",
        url=_url("experts:detail", expert.pk),
        date=_day(expert.created_at),
        body="\n".join([expert.organization, expert.bio, "、".join(fields), expert.languages]),
        column=gettext_noop("专家"),
        countries=[c.code for c in countries],
        extra=" ".join(c.name_zh for c in countries),
    )


def register_experts():
    from experts.models import Expert

    register(SearchKind(
        name="expert", label=_("专家"), model=Expert,
        queryset=lambda: Expert.objects.filter(is_active=True).prefetch_related("fields", "countries"),
        document=expert_document,
    ))


def faq_document(enquiry):
    replies = [e.body for e in enquiry.events.all() if e.kind == "reply" and e.is_public]
    if not replies:  # an FAQ entry without a public answer is not shown either
        return None
    return IndexDocument(
        kind="faq",
        object_id=str(enquiry.pk),
        title=enquiry.subject,
        url=_url("consultation:faq", query=f"?q={enquiry.subject[:20]}"),
        date=_day(enquiry.answered_at or enquiry.created_at),
        body="\n".join([enquiry.body, *replies]),
        column=enquiry.get_category_display(),
        countries=[enquiry.country.code] if enquiry.country_id else [],
        city=enquiry.city,
    )


def _enquiry_of_event(event):
    return [event.enquiry]


def register_consultation():
    from consultation.models import Enquiry, Event

    register(SearchKind(
        name="faq", label=_("问答"), model=Enquiry,
        queryset=lambda: Enquiry.objects.filter(in_faq=True).select_related("country").prefetch_related("events"),
        document=faq_document,
        watch=((Event, _enquiry_of_event),),
    ))


def consortium_document(consortium):
    roles = list(consortium.roles.all())
    return IndexDocument(
        kind="consortium",
        object_id=str(consortium.pk),
        title=consortium.title,
        url=_url("consortia:detail", consortium.pk),
        date=_day(consortium.created_at),
        body="\n".join([consortium.description, *(f"{r.name} {r.description}" for r in roles)]),
        column=gettext_noop("抱团出海"),
        countries=[consortium.country_id],
        industries=[consortium.industry_id],
        # Still open but past its closing date: no longer worth finding.
        expires_at=consortium.apply_by,
        extra=" ".join([consortium.lead.name, consortium.country.name_zh, consortium.country.name_en, consortium.industry.name_zh]),
    )


def _consortium_of_role(role):
    return [role.consortium]


def register_consortia():
    from consortia.models import Consortium, Role
    from consortia.selectors import public_consortia

    register(SearchKind(
        name="consortium", label=_("抱团出海"), model=Consortium,
        queryset=public_consortia, document=consortium_document,
        watch=((Role, _consortium_of_role),),
    ))


OPTIONAL = [
    ("matching", register_matching),
    ("events", register_events),
    ("directory", register_directory),
    ("overseas", register_overseas),
    ("experts", register_experts),
    ("consultation", register_consultation),
    ("consortia", register_consortia),
]


def register_all() -> None:
    if apps.is_installed("portal"):
        register_portal()
    for app, register_kind in OPTIONAL:
        if apps.is_installed(app):
            try:
                register_kind()
            except (ImportError, AttributeError):  # an app still being built: its kind waits for it
                continue
