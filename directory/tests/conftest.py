import pytest

from directory.models import EnterpriseProfile, Visibility
from directory.services import rebuild_search_text
from taxonomy.models import Country, Industry


@pytest.fixture
def add_profile(make_org):
    """``add_profile(name, city=…, countries=[codes], industries=[codes], **fields)`` → a listed profile."""

    def add(name, *, city="changsha", countries=(), industries=(), certified=True, **fields):
        org = make_org(name, city=city, certified=certified)
        org.industries.set(Industry.objects.filter(code__in=industries))
        fields.setdefault("summary", f"{name}的简介")
        profile = EnterpriseProfile.objects.create(organization=org, **fields)
        profile.countries.set(Country.objects.filter(code__in=countries))
        rebuild_search_text(profile)
        return profile

    return add


@pytest.fixture
def contact_profile(add_profile):
    return add_profile(
        "星城联系测试有限公司",
        contact_name="周经理",
        contact_name_visibility=Visibility.PUBLIC,
        phone="0731-88886666",
        phone_visibility=Visibility.CERTIFIED,
        email="hidden@example.cn",
        email_visibility=Visibility.HIDDEN,
    )
