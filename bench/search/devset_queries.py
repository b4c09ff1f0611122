"""The development set's queries with graded judgments (3 = what the query is about,
2 = clearly useful, 1 = marginally relevant). Written by us against devset_docs.DOCS."""

QUERIES = [
    # exact: a phrase as it appears in titles
    ("q01", "境外投资备案办理流程", "exact", {"odi-02": 3, "odi-01": 2, "odi-06": 2, "odi-03": 1, "odi-04": 1}),
    ("q02", "对外承包工程管理条例", "exact", {"con-01": 3, "con-02": 2, "con-04": 1, "con-06": 1}),
    ("q03", "中欧班列", "exact", {"rail-01": 3, "rail-02": 3, "rail-04": 3, "rail-03": 1}),
    ("q04", "境外经贸合作区", "exact", {"zone-01": 3, "zone-02": 3, "zone-03": 2, "zone-05": 2, "zone-04": 1}),
    ("q05", "外汇登记", "exact", {"fx-01": 3, "city-03": 1}),
    ("q06", "跨境电商", "exact", {"ec-01": 3, "ec-02": 3, "ec-03": 3, "ec-04": 2, "ec-05": 1, "ae-02": 1}),
    ("q07", "中非经贸博览会", "exact", {"cae-01": 3, "cae-02": 3, "cae-03": 1, "cae-05": 1}),
    # two characters
    ("q08", "签证", "two-char", {"visa-01": 3, "visa-04": 3, "vn-04": 3, "sa-03": 3, "id-04": 2, "visa-03": 2, "visa-02": 2, "ke-04": 1}),
    ("q09", "越南", "two-char", {"vn-01": 3, "vn-02": 3, "vn-03": 3, "vn-04": 3, "vn-05": 3, "tax-02": 2, "misc-04": 1}),
    ("q10", "劳务", "two-char", {"lab-01": 3, "lab-02": 3, "lab-03": 2, "lab-04": 2, "lab-05": 2, "lab-06": 2, "visa-04": 1, "fin-04": 1}),
    ("q11", "保函", "two-char", {"fin-02": 3}),
    ("q12", "关税", "two-char", {"rcep-01": 3, "rcep-04": 3, "rcep-03": 2, "ae-01": 1}),
    ("q13", "汇率", "two-char", {"fx-03": 3, "fx-05": 3, "fx-02": 2, "ng-04": 2, "con-06": 1, "ke-02": 1}),
    ("q14", "外汇", "two-char", {"fx-01": 3, "fx-04": 2, "fx-02": 2, "fx-03": 2, "fx-05": 2, "et-03": 2}),
    # several words
    ("q15", "肯尼亚 公路 项目", "multi-term", {"con-03": 3, "ke-01": 1, "ke-05": 1}),
    ("q16", "印尼 镍 冶炼", "multi-term", {"id-02": 3, "id-01": 2}),
    ("q17", "埃塞俄比亚 外汇", "multi-term", {"et-03": 3, "et-01": 1}),
    ("q18", "湖南 杂交水稻 推广", "multi-term", {"agr-03": 3, "br-02": 3, "agr-04": 1}),
    ("q19", "工程机械 出口", "multi-term", {"mach-01": 3, "mach-03": 2, "ng-03": 2, "city-02": 2, "mach-04": 1, "mach-02": 1}),
    ("q20", "沙特 光伏", "multi-term", {"sa-02": 3, "sa-01": 1, "my-04": 1}),
    # synonyms: the documents use another word for the same thing
    ("q21", "对外劳务合作", "synonym", {"lab-01": 3, "lab-06": 3, "lab-02": 2, "lab-03": 2, "lab-04": 2, "lab-05": 2}),
    ("q22", "外派劳务", "synonym", {"lab-02": 3, "lab-01": 2, "lab-06": 2, "lab-04": 2, "lab-05": 2, "lab-03": 1, "fin-04": 1}),
    ("q23", "避免双重征税", "synonym", {"tax-01": 3, "tax-04": 2, "tax-02": 2, "tax-06": 2, "tax-05": 1}),
    ("q24", "对外直接投资", "synonym", {"odi-03": 3, "odi-01": 2, "odi-02": 2, "odi-06": 2, "fx-01": 2, "st-01": 1, "odi-05": 1}),
    ("q25", "海外工程承包", "synonym", {"con-01": 3, "con-02": 3, "con-04": 2, "con-05": 2, "con-06": 2}),
    ("q26", "汇兑风险", "synonym", {"fx-03": 3, "et-03": 2, "fx-02": 2, "sin-02": 1}),
    ("q27", "税收协定", "synonym", {"tax-01": 3, "tax-02": 3, "tax-05": 2, "tax-03": 2, "tax-06": 1}),
    # abbreviations
    ("q28", "ODI", "abbreviation", {"odi-06": 3, "odi-03": 3, "odi-01": 2, "odi-02": 2, "odi-04": 1, "fx-01": 1}),
    ("q29", "中信保", "abbreviation", {"sin-01": 3, "sin-02": 3, "sin-04": 3, "sin-05": 3, "sin-03": 2, "sin-06": 2}),
    ("q30", "RCEP", "abbreviation", {"rcep-01": 3, "rcep-02": 3, "rcep-04": 3, "rcep-03": 1}),
    ("q31", "EPC", "abbreviation", {"con-05": 3, "sa-02": 3}),
    ("q32", "ＯＤＩ備案", "abbreviation", {"odi-06": 3, "odi-01": 3, "odi-02": 3, "odi-03": 2, "odi-04": 2, "fx-01": 1}),
    # partial words
    ("q33", "承包工", "partial", {"con-01": 3, "con-02": 3, "con-04": 3, "misc-08": 1, "fin-01": 1, "fin-04": 1, "st-01": 1, "con-05": 1}),
    ("q34", "出口信用", "partial", {"sin-03": 3, "sin-06": 3, "sin-01": 2, "con-06": 2, "ng-04": 2, "fin-03": 2, "city-03": 1}),
    ("q35", "原产地", "partial", {"rcep-01": 3, "rcep-02": 3, "rcep-04": 2}),
    ("q36", "跨境电", "partial", {"ec-01": 3, "ec-02": 3, "ec-03": 3, "ec-04": 2, "ec-05": 1}),
    ("q37", "税收居民", "partial", {"tax-03": 3, "tax-02": 2}),
    # English names of countries
    ("q38", "Kenya", "english", {"ke-01": 3, "ke-02": 3, "ke-03": 2, "ke-04": 2, "ke-05": 2, "con-03": 2}),
    ("q39", "Vietnam", "english", {"vn-01": 3, "vn-02": 2, "vn-03": 2, "vn-04": 2, "vn-05": 2, "tax-02": 2}),
    ("q40", "Ethiopia", "english", {"et-01": 3, "et-02": 2, "et-03": 2, "et-04": 2, "con-05": 2}),
    ("q41", "Saudi Arabia", "english", {"sa-01": 3, "sa-02": 2, "sa-03": 2}),
    ("q42", "Germany investment", "english", {"de-01": 3, "de-02": 2, "de-03": 1, "rail-01": 1}),
    ("q43", "Nigeria", "english", {"ng-01": 3, "ng-02": 2, "ng-03": 2, "ng-04": 2, "sin-04": 2}),
    # questions as people type them
    ("q44", "去肯尼亚投资需要注意哪些风险？", "question", {"ke-02": 3, "ke-01": 2, "ke-03": 1, "ke-05": 1}),
    ("q45", "境外投资备案需要多长时间", "question", {"odi-01": 3, "odi-02": 3, "odi-06": 1, "odi-04": 1, "odi-03": 1}),
    ("q46", "外派劳务人员出国前要参加培训吗", "question", {"lab-02": 3, "lab-04": 1, "lab-01": 1}),
    ("q47", "怎么开具税收居民身份证明", "question", {"tax-03": 3, "tax-02": 2}),
    ("q48", "出口收不回货款怎么办", "question", {"sin-04": 3, "sin-06": 2, "ng-04": 2, "sin-02": 1}),
    ("q49", "在阿联酋开公司有什么税收优惠", "question", {"ae-01": 3, "ae-03": 3}),
    ("q50", "中欧班列运到欧洲要几天", "question", {"rail-02": 3, "rail-04": 2, "rail-01": 2}),
]
