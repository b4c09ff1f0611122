"""The matching engine on its own: text analysis, score components, explanations, ranking."""

import pytest

from matching.engine import text
from matching.engine.documents import amount_range, country_codes, industry_codes, make_doc
from matching.engine.index import MatchIndex
from matching.engine.scoring import Weights, amount_fit, country_fit, industry_fit, kind_fit, rank, total
from matching.kinds import Kind, normalize_kind, normalize_org_type


def doc(id, side, kind, title, description="", countries=(), industries=(), amount=None, org=None, org_type="enterprise"):
    return make_doc(id=id, side=side, kind=kind, title=title, description=description, countries=countries, industries=industries,
                    amount=amount, org=org if org is not None else f"org-{id}", org_type=org_type)


def test_different_words_for_the_same_thing_share_a_concept():
    a = text.analyze("采购挖掘机", "需要二十吨级挖掘机")
    b = text.analyze("工程机械出口", "装载机、起重机整机供应")
    assert "#工程机械" in a and "#工程机械" in b
    assert "挖掘机" in a


def test_stopwords_numbers_and_place_names_are_not_terms():
    terms = text.analyze("我司在肯尼亚需要 120 公里道路", "")
    assert "我司" not in terms and "需要" not in terms and "120" not in terms and "肯尼亚" not in terms
    assert "道路" in terms


def test_baseline_terms_keep_place_names_and_have_no_concepts():
    terms = text.plain_terms("肯尼亚挖掘机", "")
    assert "肯尼亚" in terms
    assert not any(t.startswith("#") for t in terms)


@pytest.mark.parametrize(
    ("values", "expected"),
    [(["KE", "ng"], {"KE", "NG"}), (["肯尼亚", "沙特"], {"KE", "SA"}), (["Kenya", "全球"], {"KE"}), (["KEN"], {"KE"}), ([], set())],
)
def test_countries_are_read_as_codes_or_names(values, expected):
    assert country_codes(values) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [(["E"], {"E"}), (["E48"], {"E"}), (["建筑业"], {"E"}), (["制造"], {"C"}), (["未知"], set()),
     (["3511"], {"C"}), (["48"], {"E"}), (["0111"], {"A"}), (["441"], {"D"}), (["6620"], {"J"})],
)
def test_industries_are_read_as_sections_or_names(values, expected):
    assert industry_codes(values) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1000, (1000, 1000)), ([5, 2], (2, 5)), ({"min": 1, "max": 3}, (1, 3)), ("300万", (3_000_000, 3_000_000)), (None, None), ([None, None], None)],
)
def test_amounts_become_a_range(value, expected):
    assert amount_range(value) == expected


def test_amount_that_cannot_be_read_is_an_error():
    with pytest.raises(ValueError, match="无法识别的金额"):
        amount_range("很多")


@pytest.mark.parametrize(
    ("raw", "side", "org_type", "expected"),
    [
        ("labour_demand", "demand", "", Kind.LABOUR_DEMAND),
        ("labor", "supply", "", Kind.OFFER_LABOUR),
        ("劳务需求", "demand", "", Kind.LABOUR_DEMAND),
        ("service", "supply", "bank", Kind.OFFER_FINANCE),
        ("tender", "demand", "", Kind.PROJECT_TENDER),
        ("investment_intention", "supply", "", Kind.INVESTMENT_INTENTION),
        ("something else", "demand", "", ""),
    ],
)
def test_kind_spellings_from_outside_are_normalised(raw, side, org_type, expected):
    assert normalize_kind(raw, side, org_type) == expected


def test_country_fit_same_country_beats_same_continent_beats_elsewhere():
    kenya = doc(1, "demand", "need_product", "x", countries=["KE"])
    assert country_fit(kenya, doc(2, "supply", "offer_product", "y", countries=["KE", "TZ"])) == 1.0
    assert country_fit(kenya, doc(3, "supply", "offer_product", "y", countries=["NG"])) == 0.4
    assert country_fit(kenya, doc(4, "supply", "offer_product", "y", countries=["BR"])) == 0.0
    assert country_fit(kenya, doc(5, "supply", "offer_finance", "y")) == 0.6


def test_industry_fit_shared_related_and_unrelated():
    builder = doc(1, "demand", "project_tender", "x", industries=["E"])
    assert industry_fit(builder, doc(2, "supply", "offer_service", "y", industries=["E"])) == 1.0
    assert industry_fit(builder, doc(3, "supply", "offer_product", "y", industries=["C"])) == 0.5
    assert industry_fit(builder, doc(4, "supply", "offer_product", "y", industries=["R"])) == 0.0


@pytest.mark.parametrize(
    ("demand", "supply", "org_type", "expected"),
    [
        (("labour_demand", "招聘钢筋工"), ("offer_labour", "劳务派遣"), "enterprise", 1.0),
        (("labour_demand", "招聘钢筋工"), ("offer_product", "钢材出口"), "enterprise", 0.1),
        (("project_investment", "寻找投资方"), ("investment_intention", "拟投资矿产"), "enterprise", 1.0),
        (("project_investment", "寻找投资方"), ("offer_finance", "项目贷款"), "bank", 0.6),
        (("need_service", "需要项目融资和银团贷款"), ("offer_finance", "银团贷款"), "bank", 1.0),
        (("project_tender", "公路施工招标"), ("offer_service", "公路施工总承包"), "enterprise", 1.0),
    ],
)
def test_kind_complementarity(demand, supply, org_type, expected):
    d = doc(1, "demand", demand[0], demand[1])
    s = doc(2, "supply", supply[0], supply[1], org_type=org_type)
    assert kind_fit(d, s)[0] == pytest.approx(expected)
    assert kind_fit(s, d)[0] == pytest.approx(expected)  # the same whichever side asks


def test_amount_fit_overlap_gap_and_unknown():
    a = doc(1, "demand", "need_product", "x", amount=[1_000_000, 2_000_000])
    assert amount_fit(a, doc(2, "supply", "offer_product", "y", amount=[1_500_000, 9_000_000])) == 1.0
    assert amount_fit(a, doc(3, "supply", "offer_product", "y", amount=[20_000_000, 30_000_000])) == pytest.approx(1 - 1 / 1.5)
    assert amount_fit(a, doc(4, "supply", "offer_product", "y")) == 0.5


def test_weights_parse_rescales_and_rejects_mistakes():
    w = Weights.parse("text=1,kind=0,country=0,industry=0,amount=0,quality=1")
    assert w.text == pytest.approx(0.5) and w.quality == pytest.approx(0.5)
    with pytest.raises(ValueError, match="未知的权重"):
        Weights.parse("txt=1")
    with pytest.raises(ValueError, match="不是数字"):
        Weights.parse("text=abc")


def test_total_is_a_floored_weighted_geometric_mean():
    w = Weights.parse("text=1,kind=0,country=0,industry=0,amount=0,quality=0")
    parts = {"text": 0.5, "kind": 0, "country": 0, "industry": 0, "amount": 0, "quality": 0}
    assert total(parts, w) == pytest.approx(0.05 + 0.95 * 0.5)
    everything = dict.fromkeys(parts, 1.0)
    assert total(everything, Weights()) == pytest.approx(1.0)


def test_explanation_names_country_topic_and_amount():
    demand = doc(1, "demand", "need_product", "肯尼亚经销商采购挖掘机", "采购二十台挖掘机和装载机", countries=["KE"], industries=["F"], amount=[1e6, 2e6])
    supply = doc(2, "supply", "offer_product", "工程机械整机出口", "出口挖掘机、装载机，在肯尼亚有服务网点", countries=["KE", "NG"], industries=["C"], amount=[2e5, 2e7])
    index = MatchIndex([demand, supply])
    [suggestion] = rank(demand, index, weights=Weights())
    assert suggestion.reasons[:2] == ("同在肯尼亚", "工程机械")
    assert "金额相符" in suggestion.reasons
    assert suggestion.components["country"] == 1.0


def test_explanation_says_same_continent_or_anywhere():
    demand = doc(1, "demand", "need_service", "需要项目融资", "项目贷款", countries=["KE"])
    global_bank = doc(2, "supply", "offer_finance", "项目融资与银团贷款", "贷款", org_type="bank")
    nigeria = doc(3, "supply", "offer_finance", "项目融资", "贷款", countries=["NG"], org_type="bank")
    index = MatchIndex([demand, global_bank, nigeria])
    reasons = {s.doc_id: s.reasons for s in rank(demand, index, weights=Weights())}
    assert reasons[2][0] == "不限国别"
    assert reasons[3][0] == "同属非洲"
    assert "融资需求对口" in reasons[2]


def test_rank_prefers_the_complementary_counterpart_and_leaves_out_own_organisation():
    demand = doc(1, "demand", "labour_demand", "新加坡项目招聘钢筋工和木工", "需要钢筋工、木工两百名", countries=["SG"], industries=["E"], org="acme")
    labour = doc(2, "supply", "offer_labour", "建筑工人外派", "派遣钢筋工、木工、焊工", countries=["SG", "SA"], industries=["E"])
    steel = doc(3, "supply", "offer_product", "钢筋与钢材出口", "供应螺纹钢和钢筋", countries=["SG"], industries=["C"])
    own = doc(4, "supply", "offer_labour", "本公司劳务", "派遣钢筋工", countries=["SG"], industries=["E"], org="acme")
    ranked = [s.doc_id for s in rank(demand, MatchIndex([demand, labour, steel, own]), weights=Weights())]
    assert ranked[0] == 2
    assert 4 not in ranked


def test_index_removal_takes_a_listing_out_of_candidates():
    demand = doc(1, "demand", "need_product", "采购挖掘机", "挖掘机", countries=["KE"])
    supply = doc(2, "supply", "offer_product", "挖掘机出口", "挖掘机", countries=["KE"])
    index = MatchIndex([demand, supply])
    assert index.candidates(demand, "supply") == {2}
    index.remove(2)
    assert index.candidates(demand, "supply") == set()
    assert "挖掘机" not in index.postings["supply"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("bank", "bank"), ("Bank", "bank"), ("商业银行", "bank"), ("保险公司", "insurer"), ("律师事务所", "law_firm"),
     ("会计师事务所", "accounting_firm"), ("境外经贸合作区", "overseas_zone"), ("enterprise", "enterprise"), ("", "")],
)
def test_organisation_type_spellings_from_outside_are_normalised(raw, expected):
    assert normalize_org_type(raw) == expected


def test_a_bank_spelled_in_chinese_still_provides_finance():
    demand = doc(1, "demand", "need_service", "需要项目贷款", "为电站项目寻找融资", countries=["KE"])
    bank = doc(2, "supply", "service", "跨境金融服务", "为走出去企业提供综合服务", org_type="银行")
    assert bank.kind == Kind.OFFER_FINANCE
    assert kind_fit(demand, bank)[1] == "finance"
