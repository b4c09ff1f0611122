"""Fixtures for matchmaking tests: organisations of each kind, their users, and a listing factory."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import InstitutionType, OrgKind
from accounts.roles import OPERATOR_REVIEWER
from matching import matchmaking
from matching.models import Listing, Status


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Attachments in a temporary folder, no peer unless a test sets one, and a fresh in-process index."""
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.MATCHING_PEER_URL = ""
    settings.MATCHING_PEER_SECRET = ""
    settings.MATCHING_WEIGHTS = ""
    matchmaking.forget_index()
    yield
    matchmaking.forget_index()


@pytest.fixture
def machinery(make_org):
    return make_org("湖南测试重工有限公司")


@pytest.fixture
def kenya_buyer(make_org):
    return make_org("肯尼亚测试设备经销公司", city="changsha")


@pytest.fixture
def bank(make_org):
    return make_org("测试银行湖南分行", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.BANK)


@pytest.fixture
def seller(make_user, machinery):
    return make_user("seller", org=machinery, email="seller@example.cn", mobile="13800000001")


@pytest.fixture
def buyer(make_user, kenya_buyer):
    return make_user("buyer", org=kenya_buyer, email="buyer@example.cn", mobile="13800000002")


@pytest.fixture
def banker(make_user, bank):
    return make_user("banker", org=bank, email="banker@example.cn")


@pytest.fixture
def reviewer(make_user):
    return make_user("reviewer", role=OPERATOR_REVIEWER)


@pytest.fixture
def outsider(make_user):
    return make_user("outsider")


@pytest.fixture
def listing_data():
    def make(**overrides):
        data = {
            "kind": "need_product",
            "title": "肯尼亚经销商采购挖掘机和装载机",
            "description": "内罗毕的设备经销商计划采购二十吨级挖掘机十台、轮式装载机五台，希望厂家在当地有配件和售后服务。",
            "amount_min_usd": 1_000_000,
            "amount_max_usd": 2_000_000,
            "valid_until": timezone.localdate() + timedelta(days=90),
            "contact_preference": "any",
            "contact_name": "王经理",
            "contact_phone": "0731-88880000",
            "contact_email": "contact@example.cn",
        }
        data.update(overrides)
        return data

    return make


@pytest.fixture
def publish(listing_data, reviewer):
    """``publish(user, countries=["KE"], industries=["C"], **fields)`` → a listing posted, submitted and approved."""
    from matching.services import listings as services

    def make(user, *, countries=("KE",), industries=("C",), **fields):
        listing = services.save_listing(by=user, data=listing_data(**fields), countries=list(countries), industries=list(industries), submit=True)
        services.approve(listing, by=reviewer)
        listing.refresh_from_db()
        assert listing.status == Status.PUBLISHED
        return listing

    return make


@pytest.fixture
def offer_fields():
    return {
        "kind": "offer_product",
        "title": "挖掘机、装载机整机出口",
        "description": "工程机械制造商，出口全系列挖掘机、装载机和起重机，在肯尼亚设有备件仓库和售后服务网点，可提供操作手培训。",
        "amount_min_usd": 500_000,
        "amount_max_usd": 5_000_000,
    }


def listing_count(**filters):
    return Listing.objects.filter(**filters).count()
