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
from django.utils.translation import gettext_lazy as _

from matching.engine.lexicon import KIND_SPELLINGS, ORG_TYPE_SPELLINGS


class Side(models.TextChoices):
    DEMAND = "demand", _("需求")
    SUPPLY = "supply", _("供给")


class Kind(models.TextChoices):
    PROJECT_TENDER = "project_tender", _("境外项目·工程招标")
    PROJECT_INVESTMENT = "project_investment", _("境外项目·招商引资")
    PROJECT_LEASE = "project_lease", _("境外项目·租赁招租")
    LABOUR_DEMAND = "labour_demand", _("境外用工需求")
    NEED_PRODUCT = "need_product", _("产品采购需求")
    NEED_SERVICE = "need_service", _("服务需求")
    NEED_PARTNER = "need_partner", _("寻找合作伙伴")
    INVESTMENT_INTENTION = "investment_intention", _("投资意向")
    OFFER_PRODUCT = "offer_product", _("产品供应")
    OFFER_SERVICE = "offer_service", _("服务供给")
    OFFER_LABOUR = "offer_labour", _("劳务合作")
    OFFER_FINANCE = "offer_finance", _("金融保险服务")


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

# Spellings of organisation types and kinds from outside (evaluation sets, the peer): the engine's
# vocabulary, ``matching.engine.lexicon.ORG_TYPE_SPELLINGS`` and ``KIND_SPELLINGS``.


def normalize_org_type(raw) -> str:
    """Our organisation type (``ORG_TYPE_FACETS`` keys) for a spelling such as "Bank" or "律师事务所"; else the value lower-cased."""
    value = str(raw or "").strip().lower()
    if value in ORG_TYPE_FACETS:
        return value
    for pattern, org_type in ORG_TYPE_SPELLINGS:
        if re.search(pattern, value):
            return org_type
    return value


def normalize_kind(raw, side: str, org_type: str = "") -> str:
    """Our kind for a kind spelled by someone else (``"labor_demand"``, ``"劳务需求"``…), or ``""``."""
    value = str(raw or "").strip().lower()
    if value in Kind.values:
        return value
    for pattern, demand_kind, supply_kind in KIND_SPELLINGS:
        if re.search(pattern, value):
            kind = Kind(demand_kind if side == Side.DEMAND else supply_kind)
            if side == Side.SUPPLY and kind in (Kind.OFFER_SERVICE, Kind.OFFER_PRODUCT) and org_type in FINANCE_ORG_TYPES:
                return Kind.OFFER_FINANCE
            return kind
    if side == Side.SUPPLY and org_type in FINANCE_ORG_TYPES:
        return Kind.OFFER_FINANCE
    return ""
