"""The search engine against the real index tables (SQLite FTS5 or PostgreSQL GIN, whichever runs)."""

from datetime import date, timedelta

from django.utils import timezone

from search import index, selectors, services
from search.engine import SearchFilters
from search.models import SearchDocument, SearchTerm, Synonym
from search.spelling import did_you_mean, forget_vocabulary
from search.synonyms import synonyms_changed


def ids(results):
    return [h.doc.object_id for h in results.hits]


def test_chinese_words_are_found_where_plain_full_text_finds_nothing(add_docs):
    add_docs(("1", "湖南企业赴肯尼亚开展基础设施建设", "项目包括公路和港口"), ("2", "越南电子产业园招商", "园区位于北宁省"))
    assert ids(selectors.search("肯尼亚")) == ["1"]
    assert ids(selectors.search("港口")) == ["1"]
    assert ids(selectors.search("越南 园区")) == ["2"]


def test_partial_word_finds_the_whole_term(add_docs):
    add_docs(("1", "对外承包工程管理条例解读", "条例规定了资格和安全要求"), ("2", "工程机械出口", "出口包装要求"))
    assert ids(selectors.search("承包工")) == ["1"]
    assert ids(selectors.search("对外承包")) == ["1"]


def test_two_character_word_inside_a_longer_word(add_docs):
    add_docs(("1", "境外投资备案办理指南", "企业通过系统提交材料"), ("2", "出口退税", "退税流程"))
    assert ids(selectors.search("备案")) == ["1"]


def test_seeded_synonyms_and_abbreviations(add_docs):
    add_docs(
        ("odi", "对外直接投资统计公报", "全省对外直接投资保持增长"),
        ("sin", "中国出口信用保险公司湖南分公司开展培训", "讲解短期险"),
        ("lab", "对外劳务合作风险提示", "外派人员权益保障"),
        ("tax", "中国与埃及避免双重征税协定生效", "协定降低了预提税率"),
    )
    assert ids(selectors.search("ODI")) == ["odi"]
    assert ids(selectors.search("中信保")) == ["sin"]
    assert ids(selectors.search("外派劳务")) == ["lab"]
    assert ids(selectors.search("税收协定")) == ["tax"]


def test_trade_fair_bank_and_document_short_names(add_docs):
    add_docs(
        ("ciie", "我省组团参加中国国际进口博览会", "采购商洽谈"),
        ("bank", "国家开发银行支持境外园区建设", "中长期贷款"),
        ("lab", "出国务工人员行前培训", "语言和安全知识"),
        ("coo", "原产地证书签发流程", "享受协定税率"),
        ("idn", "印度尼西亚镍产业投资", "园区用地"),
    )
    assert ids(selectors.search("进博会")) == ["ciie"]
    assert ids(selectors.search("国开行")) == ["bank"]
    assert ids(selectors.search("外派劳务")) == ["lab"]
    assert ids(selectors.search("certificate of origin")) == ["coo"]
    assert ids(selectors.search("印尼")) == ["idn"]
    assert ids(selectors.search("出口行业")) == []  # no short name fires inside an ordinary word


def test_country_english_name_finds_chinese_text_and_back(add_docs):
    add_docs(("ke", "肯尼亚投资环境", "内罗毕是东非的经济中心"), ("kenya-en", "Kenya market brief", "trade fair in Nairobi"))
    assert set(ids(selectors.search("Kenya"))) == {"ke", "kenya-en"}
    assert set(ids(selectors.search("肯尼亚"))) == {"ke", "kenya-en"}


def test_operator_synonym_takes_effect_at_once(add_docs):
    add_docs(("1", "湘欧快线开行五周年", "累计开行班列超过两千列"))
    assert ids(selectors.search("亚欧货运通道")) == []
    services.save_synonym(Synonym(terms="亚欧货运通道，湘欧快线"))
    assert ids(selectors.search("亚欧货运通道")) == ["1"]


def test_full_width_and_traditional_queries(add_docs):
    add_docs(("1", "ODI备案常见问题", "对外投资备案"), ("2", "对外劳务合作", "劳务人员培训"))
    assert ids(selectors.search("ＯＤＩ備案")) == ["1"]
    assert ids(selectors.search("勞務")) == ["2"]


def test_filters_kind_country_industry_column_city_and_dates(add_docs):
    add_docs(
        ("a", "越南投资指南", "投资", {"countries": ["VN"], "industries": ["C"], "column": "国别指南", "date": date(2024, 3, 1)}),
        ("b", "越南投资动态", "投资", {"countries": ["VN"], "column": "工作动态", "city": "changsha", "date": date(2025, 3, 1)}),
        ("c", "泰国投资指南", "投资", {"countries": ["TH"], "industries": ["C"], "column": "国别指南", "date": date(2025, 6, 1)}),
        ("d", "投资对接项目", "投资", {"kind": "listing", "date": date(2025, 7, 1)}),
    )
    search = selectors.search
    assert set(ids(search("投资", SearchFilters(country="VN")))) == {"a", "b"}
    assert set(ids(search("投资", SearchFilters(industry="C")))) == {"a", "c"}
    assert set(ids(search("投资", SearchFilters(column="国别指南")))) == {"a", "c"}
    assert ids(search("投资", SearchFilters(city="changsha"))) == ["b"]
    assert ids(search("投资", SearchFilters(kind="listing"))) == ["d"]
    assert set(ids(search("投资", SearchFilters(date_from=date(2025, 1, 1), date_to=date(2025, 6, 30))))) == {"b", "c"}
    assert ids(search("投资", sort="date")) == ["d", "c", "b", "a"]
    assert ids(search("", SearchFilters(country="TH"))) == ["c"]


def test_results_count_facets(add_docs):
    add_docs(("a", "越南投资", "", {"countries": ["VN"]}), ("b", "泰国投资", "", {"countries": ["TH", "VN"]}))
    results = selectors.search("投资")
    assert results.facets["country"]["VN"] == 2 and results.facets["country"]["TH"] == 1


def test_expired_documents_are_hidden_at_once_and_purged(add_docs):
    today = timezone.localdate()
    add_docs(("old", "签证政策调整通知", "", {"expires_at": today - timedelta(days=1)}), ("new", "签证办理指南", "", {"expires_at": today + timedelta(days=1)}))
    assert ids(selectors.search("签证")) == ["new"]
    assert services.purge_expired() == 1
    assert not SearchDocument.objects.filter(object_id="old").exists()


def test_document_frequencies_follow_every_change(add_docs):
    add_docs(("1", "签证", "签证"), ("2", "签证", "护照"))
    assert SearchTerm.objects.get(token="签证").df == 2
    assert SearchTerm.objects.get(token="@docs").df == 2
    add_docs(("2", "护照", "护照"))
    assert SearchTerm.objects.get(token="签证").df == 1
    index.remove([("article", "1")])
    assert SearchTerm.objects.get(token="签证").df == 0
    assert SearchTerm.objects.get(token="@docs").df == 1


def test_did_you_mean_corrects_a_pinyin_typo(add_docs):
    add_docs(("1", "境外投资备案", "境外投资需要备案"))
    forget_vocabulary()
    assert did_you_mean("境外头资") == "境外投资"
    forget_vocabulary()


def test_snippet_highlights_and_escapes(add_docs):
    from search.engine import add_snippets

    add_docs(("1", "标题", "前文<script>alert(1)</script>中间讲到境外投资备案的流程"))
    results = selectors.search("备案")
    add_snippets(results.hits, results.query)
    snippet = str(results.hits[0].snippet)
    assert "<mark>备案</mark>" in snippet and "<script>" not in snippet


def test_suggestions_and_popular_queries(add_docs):
    from django.core.cache import cache

    add_docs(("1", "肯尼亚投资指南", ""))
    for _ in range(3):
        services.log_query("肯尼亚投资", 1)
    services.log_query("无人问津的词", 0)
    cache.delete(selectors.POPULAR_CACHE_KEY)
    assert selectors.popular_queries() == ["肯尼亚投资"]
    found = selectors.suggestions("肯尼")
    assert found["queries"] == ["肯尼亚投资"]
    assert [d.object_id for d in found["documents"]] == ["1"]
    assert [r["normalized"] for r in selectors.no_result_queries()] == ["无人问津的词"]
    synonyms_changed()


def test_partial_matches_fill_a_short_page_after_the_complete_ones(add_docs):
    add_docs(
        ("full", "中欧班列开行情况", "今年开行班列数量增长"),
        ("part", "长沙至莫斯科冷链班列开通", "冷链班列运输水果"),
        ("none", "越南电子产业园招商", "园区位于北宁省"),
    )
    results = selectors.search("中欧班列")
    assert ids(results) == ["full", "part"]
    assert [h.partial for h in results.hits] == [False, True]
    assert results.complete == 1


def test_partial_matches_never_crowd_out_a_full_page(add_docs, monkeypatch):
    from search import engine

    monkeypatch.setattr(engine, "FILL_TO", 2)
    add_docs(("a", "中欧班列开行", ""), ("b", "中欧班列回程", ""), ("c", "冷链班列开通", ""))
    assert set(ids(selectors.search("中欧班列"))) == {"a", "b"}


def test_the_word_typed_ranks_above_a_rarer_synonym(add_docs):
    # 合作园区 occurs once (rare, high IDF); the words searched for occur in several documents.
    add_docs(
        ("syn", "俄罗斯农业合作园区发展现状", "园区种植大豆"),
        ("lit", "境外经贸合作区考核办法", "对境外经贸合作区年度考核"),
        ("lit2", "我省境外经贸合作区建设情况", "境外经贸合作区累计投资"),
        ("lit3", "境外经贸合作区招商", "境外经贸合作区入驻企业"),
    )
    services.save_synonym(Synonym(terms="境外经贸合作区，合作园区"))
    found = ids(selectors.search("境外经贸合作区"))
    assert found[-1] == "syn" and set(found) == {"syn", "lit", "lit2", "lit3"}


def test_did_you_mean_is_offered_when_only_partial_matches_exist(client, add_docs):
    add_docs(("1", "境外投资备案", "境外投资需要备案"), ("2", "境外安全提示", "境外安全"))
    forget_vocabulary()
    html = client.get("/search/", {"q": "境外头资"}).content.decode()
    forget_vocabulary()
    assert "您是不是要找" in html and "境外投资" in html


def test_related_group_ranks_below_the_word_and_its_synonyms(add_docs):
    add_docs(
        ("lc", "跟单信用证结算要点", "信用证条款要与合同一致，单证相符才能收汇"),
        ("bg", "投标保函办理指引", "到银行申请开立保函"),
    )
    assert ids(selectors.search("保函")) == ["bg"]
    services.save_synonym(Synonym(terms="保函，信用证", kind="related"))
    assert ids(selectors.search("保函")) == ["bg", "lc"]
    assert ids(selectors.search("信用证")) == ["lc", "bg"]


def test_question_ranks_the_document_that_answers_it_first(add_docs):
    add_docs(
        ("who", "个人可以办理境外投资备案吗", "境外投资备案的主体是企业，个人需先设立企业再办理备案"),
        ("when", "境外投资备案一般需要多长时间", "材料齐全的，商务部门3个工作日内完成境外投资备案"),
        ("other", "办理流程下来才能知道", "与投资无关的说明"),
    )
    assert ids(selectors.search("境外投资备案要多久才能办下来？"))[:2] == ["when", "who"]
