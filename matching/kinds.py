"""The kinds of listing, the side each belongs to, and what each side needs or offers.

A listing is on the *demand* side when it looks for a counterpart (a contractor for a tender,
an investor for a project, workers, a product, a service, a partner) and on the *supply* side
when it offers something (capital through an investment intention, products, services, labour,
finance). The side is derived from the kind; users never choose it.

Facets say what a listing needs (demand) or provides (supply); kind complementarity in the
matching engine compares them. ``normalize_kind`` maps the kind spellings of external data
(the evaluation sets, the peer platform) onto ours.
"""

import re

from django.db import models


class Side(models.TextChoices):
    DEMAND = "demand", "需求"
    SUPPLY = "supply", "供给"


class Kind(models.TextChoices):
    PROJECT_TENDER = "project_tender", "境外项目·工程招标"
    PROJECT_INVESTMENT = "project_investment", "境外项目·招商引资"
    PROJECT_LEASE = "project_lease", "境外项目·租赁招租"
    LABOUR_DEMAND = "labour_demand", "境外用工需求"
    NEED_PRODUCT = "need_product", "产品采购需求"
    NEED_SERVICE = "need_service", "服务需求"
    NEED_PARTNER = "need_partner", "寻找合作伙伴"
    INVESTMENT_INTENTION = "investment_intention", "投资意向"
    OFFER_PRODUCT = "offer_product", "产品供应"
    OFFER_SERVICE = "offer_service", "服务供给"
    OFFER_LABOUR = "offer_labour", "劳务合作"
    OFFER_FINANCE = "offer_finance", "金融保险服务"


DEMAND_KINDS = (
    Kind.PROJECT_TENDER, Kind.PROJECT_INVESTMENT, Kind.PROJECT_LEASE, Kind.LABOUR_DEMAND,
    Kind.NEED_PRODUCT, Kind.NEED_SERVICE, Kind.NEED_PARTNER,
)
SUPPLY_KINDS = (Kind.INVESTMENT_INTENTION, Kind.OFFER_PRODUCT, Kind.OFFER_SERVICE, Kind.OFFER_LABOUR, Kind.OFFER_FINANCE)
PROJECT_KINDS = (Kind.PROJECT_TENDER, Kind.PROJECT_INVESTMENT, Kind.PROJECT_LEASE)


def side_of(kind: str) -> str:
    return Side.DEMAND if kind in DEMAND_KINDS else Side.SUPPLY


def other_side(side: str) -> str:
    return Side.SUPPLY if side == Side.DEMAND else Side.DEMAND


class Facet:
    """What is needed or provided. Plain strings so the engine stays free of Django."""

    CONSTRUCTION = "construction"
    CAPITAL = "capital"
    LABOUR = "labour"
    PRODUCT = "product"
    FINANCE = "finance"
    INSURANCE = "insurance"
    LEGAL = "legal"
    TAX = "tax"
    TRANSLATION = "translation"
    SECURITY = "security"
    LOGISTICS = "logistics"
    CONSULTING = "consulting"
    TRAINING = "training"
    SITE = "site"
    TECHNOLOGY = "technology"


FACET_LABELS = {
    Facet.CONSTRUCTION: "工程承包", Facet.CAPITAL: "投资", Facet.LABOUR: "劳务", Facet.PRODUCT: "产品设备",
    Facet.FINANCE: "融资", Facet.INSURANCE: "保险", Facet.LEGAL: "法律", Facet.TAX: "财税",
    Facet.TRANSLATION: "翻译", Facet.SECURITY: "安保", Facet.LOGISTICS: "物流", Facet.CONSULTING: "咨询",
    Facet.TRAINING: "培训", Facet.SITE: "场地", Facet.TECHNOLOGY: "技术",
}

# What a kind needs (demand) or provides (supply) by itself; empty: read it from the text.
KIND_FACETS = {
    Kind.PROJECT_TENDER: {Facet.CONSTRUCTION},
    Kind.PROJECT_INVESTMENT: {Facet.CAPITAL},
    Kind.PROJECT_LEASE: {Facet.CAPITAL, Facet.SITE},
    Kind.LABOUR_DEMAND: {Facet.LABOUR},
    Kind.NEED_PRODUCT: {Facet.PRODUCT},
    Kind.NEED_SERVICE: set(),
    Kind.NEED_PARTNER: set(),
    Kind.INVESTMENT_INTENTION: {Facet.CAPITAL},
    Kind.OFFER_PRODUCT: {Facet.PRODUCT},
    Kind.OFFER_SERVICE: set(),
    Kind.OFFER_LABOUR: {Facet.LABOUR},
    Kind.OFFER_FINANCE: {Facet.FINANCE},
}

# Organisation types (accounts.InstitutionType values) that provide a facet by what they are.
ORG_TYPE_FACETS = {
    "bank": {Facet.FINANCE},
    "insurer": {Facet.INSURANCE},
    "fund": {Facet.FINANCE, Facet.CAPITAL},
    "law_firm": {Facet.LEGAL},
    "accounting_firm": {Facet.TAX},
    "consultancy": {Facet.CONSULTING},
    "translation": {Facet.TRANSLATION},
    "security": {Facet.SECURITY},
    "travel": {Facet.CONSULTING},
    "overseas_zone": {Facet.SITE},
}
FINANCE_ORG_TYPES = frozenset({"bank", "insurer", "fund"})

# Organisation-type spellings from outside (evaluation sets, the peer), first match wins.
_ORG_TYPE_ALIASES = [
    (r"insur|保险", "insurer"),
    (r"bank|银行", "bank"),
    (r"fund|基金|投资机构|投资公司", "fund"),
    (r"law|legal|律师|律所|法律", "law_firm"),
    (r"account|audit|tax|会计|审计|税务", "accounting_firm"),
    (r"translat|翻译", "translation"),
    (r"secur|安保|安防", "security"),
    (r"travel|旅行|旅游", "travel"),
    (r"zone|park|园区|合作区", "overseas_zone"),
    (r"consult|咨询", "consultancy"),
]

# Keyword rules for kind spellings from outside (first match wins), per side.
_ALIASES = [
    (r"labou?r|worker|staff|recruit|劳务|用工|招工|工人", Kind.LABOUR_DEMAND, Kind.OFFER_LABOUR),
    (r"financ|bank|insur|loan|credit|guarantee|金融|融资|保险|贷款|担保", Kind.NEED_SERVICE, Kind.OFFER_FINANCE),
    (r"intention|intent|意向", Kind.PROJECT_INVESTMENT, Kind.INVESTMENT_INTENTION),
    (r"lease|rent|租", Kind.PROJECT_LEASE, Kind.OFFER_SERVICE),
    (r"tender|bid|epc|招标|承包|工程", Kind.PROJECT_TENDER, Kind.OFFER_SERVICE),
    (r"invest|投资|招商|equity|股权", Kind.PROJECT_INVESTMENT, Kind.INVESTMENT_INTENTION),
    (r"partner|合作|合资|joint", Kind.NEED_PARTNER, Kind.OFFER_SERVICE),
    (r"product|goods|equipment|purchase|procure|采购|产品|设备|商品", Kind.NEED_PRODUCT, Kind.OFFER_PRODUCT),
    (r"service|服务", Kind.NEED_SERVICE, Kind.OFFER_SERVICE),
    (r"project|项目", Kind.PROJECT_TENDER, Kind.OFFER_SERVICE),
]


def normalize_org_type(raw) -> str:
    """Our organisation type (``ORG_TYPE_FACETS`` keys) for a spelling such as "Bank" or "律师事务所"; else the value lower-cased."""
    value = str(raw or "").strip().lower()
    if value in ORG_TYPE_FACETS:
        return value
    for pattern, org_type in _ORG_TYPE_ALIASES:
        if re.search(pattern, value):
            return org_type
    return value


def normalize_kind(raw, side: str, org_type: str = "") -> str:
    """Our kind for a kind spelled by someone else (``"labor_demand"``, ``"劳务需求"``…), or ``""``."""
    value = str(raw or "").strip().lower()
    if value in Kind.values:
        return value
    for pattern, demand_kind, supply_kind in _ALIASES:
        if re.search(pattern, value):
            kind = demand_kind if side == Side.DEMAND else supply_kind
            if side == Side.SUPPLY and kind in (Kind.OFFER_SERVICE, Kind.OFFER_PRODUCT) and org_type in FINANCE_ORG_TYPES:
                return Kind.OFFER_FINANCE
            return kind
    if side == Side.SUPPLY and org_type in FINANCE_ORG_TYPES:
        return Kind.OFFER_FINANCE
    return ""
