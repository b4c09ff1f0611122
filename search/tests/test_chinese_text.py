from search import chinese_text as ct
from search.query import parse
from search.synonyms import SynonymIndex


def test_normalize_full_width_traditional_and_case():
    assert ct.normalize("ＯＤＩ備案　１２３") == "odi备案 123"
    assert ct.normalize("對外承包工程與勞務合作") == "对外承包工程与劳务合作"


def test_segmentation_uses_the_domain_dictionary_and_keeps_inner_words():
    tokens = ct.words(ct.normalize("湖南企业开展对外承包工程业务"))
    assert "对外承包工程" in tokens
    assert {"承包", "工程", "对外"} <= set(tokens)
    assert "的" not in ct.words("我们的项目")


def test_bigrams_cover_every_adjacent_pair_once():
    assert ct.bigrams("承包工程承包") == ["承包", "包工", "工程", "程承"]
    assert ct.bigrams("odi 备案") == ["备案"]


def test_fragment_of_a_word_becomes_a_bigram_concept():
    parsed = parse("承包工", SynonymIndex([]))
    modes = {alt.mode for concept in parsed.concepts for alt in concept.alts}
    assert "grams" in modes
    assert parsed.concepts[0].text == "承包工"


def test_question_words_are_dropped():
    parsed = parse("去肯尼亚投资需要注意哪些风险？", SynonymIndex([]))
    texts = [c.text for c in parsed.concepts]
    assert "肯尼亚" in texts and "风险" in texts
    assert "哪些" not in texts and "需要" not in texts


def test_synonym_group_becomes_alternatives_of_one_concept():
    parsed = parse("中信保", SynonymIndex([["中信保", "中国出口信用保险公司"]]))
    assert len(parsed.concepts) == 1
    assert {a.text for a in parsed.concepts[0].alts} == {"中信保", "中国出口信用保险公司"}


def test_english_synonym_only_on_word_boundaries():
    synonyms = SynonymIndex([["india", "印度"]])
    assert synonyms.find("india") and not synonyms.find("indiana")


def test_related_terms_are_weaker_alternatives_of_the_same_concept():
    synonyms = SynonymIndex([["外汇风险", "汇率风险"]], related=[["外汇", "汇率"], ["汇率风险", "套期保值"]])
    concept = parse("外汇", synonyms).concepts[0]
    weights = {a.text: a.weight for a in concept.alts if a.mode == "words"}
    assert weights["外汇"] == 1.0 and 0 < weights["汇率"] < 0.9
    # A related term of a synonym is not pulled in: relations do not chain through groups.
    concept = parse("外汇风险", synonyms).concepts[0]
    assert {a.text for a in concept.alts} >= {"外汇风险", "汇率风险"}
    assert "套期保值" not in {a.text for a in concept.alts}
    # A term that is only in a related group is still recognised as a phrase.
    assert [m.text for m in synonyms.find("套期保值怎么做")] == ["套期保值"]


def test_fragment_is_completed_through_one_synonym_group():
    synonyms = SynonymIndex([["对外劳务合作", "外派劳务"], ["对外承包工程", "国际工程承包"], ["劳务合同", "雇佣合同"]])
    texts = {a.text for a in parse("劳务合", synonyms).concepts[0].alts}
    assert {"外派劳务", "雇佣合同"} <= texts  # 劳务合 is in 对外劳务合作 and in 劳务合同
    phrase = [a for a in parse("承包工", synonyms).concepts[0].alts if a.text == "国际工程承包"]
    assert [a.mode for a in phrase] == ["grams"]  # a phrase of several words only where it occurs as it is
    # Of many groups, the closest completions (shortest terms) are taken; of too many, none.
    several = SynonymIndex([["出口信用保险公司", "中信保"], ["出口信贷", "买方信贷"], ["出口信保", "信用保险"], ["出口信息", "外贸数据"], ["出口信誉评级", "商誉"]])
    assert {a.text for a in parse("出口信", several).concepts[0].alts} - {"出口信"} == {"买方信贷", "信用保险", "外贸数据"}
    crowded = SynonymIndex([[f"出口信{c}", f"别名{c}"] for c in "一二三四五六七"])
    assert {a.text for a in parse("出口信", crowded).concepts[0].alts} == {"出口信"}  # seven groups: no guess


def test_weak_words_of_a_question_are_optional_and_only_score():
    parsed = parse("境外投资备案要多久才能办下来？", SynonymIndex([]))
    by_text = {c.text: c for c in parsed.concepts}
    assert by_text["境外投资备案"].required and not by_text["境外投资备案"].scoring_only
    assert not by_text["才能"].required and by_text["才能"].scoring_only
    # 多久 asks for a duration: the words an answer holds rank it, without bringing anything in.
    hint = by_text["(多久)"]
    assert hint.scoring_only and {"工作日", "时限"} <= {a.text for a in hint.alts}
    assert "才能" not in [c.text for c in parsed.retrieving] and "(多久)" not in [c.text for c in parsed.retrieving]
    assert "(手续)" in [c.text for c in parse("去非洲投资需要办哪些手续", SynonymIndex([])).concepts]
    only_weak = parse("办理", SynonymIndex([]))
    assert [c.text for c in only_weak.required] == ["办理"]  # a query of weak words still asks for them


def test_lone_character_joins_a_word_only_where_a_word_is_being_typed():
    assert [c.text for c in parse("承包工", SynonymIndex([])).concepts] == ["承包工"]
    assert [c.text for c in parse("包工程", SynonymIndex([])).concepts] == ["包工程"]
    texts = [c.text for c in parse("劳务人员出了事故", SynonymIndex([])).concepts]
    assert texts == ["劳务人员", "出", "事故"]  # 出 ("to have") stands alone, not 人员出


def test_synonyms_are_highlighted_whole_and_typed_words_word_by_word():
    synonyms = SynonymIndex([["出国打工", "出国工作", "对外劳务合作"]])
    terms = parse("出国打工 签证办理", synonyms).highlight_terms()
    assert {"出国打工", "出国工作", "对外劳务合作", "签证", "办理"} <= set(terms)
    assert "工作" not in terms and "合作" not in terms
    assert terms == sorted(terms, key=len, reverse=True)
