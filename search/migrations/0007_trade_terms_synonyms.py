"""More going-global groups: trade fairs, banks and organisations by their short names, trade
documents by their English names, regions, names missing from earlier groups, and the first
"related" groups (terms a searcher for one usually also wants, ranked below its synonyms).

Every term is something users type; no two-character term here occurs inside a common longer
word with another meaning (口行 would fire inside 出口行业, so it is left out).
"""

from django.db import migrations

ADD_TO = [
    ("ODI，", "海外投资，海外直接投资"),
    ("外派劳务，", "出国务工，出国劳务，境外务工，海外务工，劳务输出，出国工作，境外就业，出国就业，出国打工，海外打工"),
    ("中信保，", "信保"),
    ("跨境电商，", "cross-border e-commerce，cross border e-commerce"),
    ("一带一路，", "belt and road initiative"),
    ("税收协定，", "双重征税，重复征税"),
    ("海外仓，", "境外仓储，海外仓库，overseas warehouse"),
    ("出口信用保险，", "export credit insurance"),
    ("发改委，", "ndrc"),
    ("贸促会，", "ccpit，中国国际贸易促进委员会"),
    ("商务部，", "mofcom"),
    ("中非经贸博览会，", "中国—非洲经贸博览会，中国非洲经贸博览会，中非经博会，china-africa economic and trade expo"),
]
NEW = [
    ("abbreviation", "进博会，中国国际进口博览会，进口博览会，ciie，china international import expo", ""),
    ("abbreviation", "广交会，中国进出口商品交易会，进出口商品交易会，canton fair", ""),
    ("abbreviation", "东博会，中国—东盟博览会，中国东盟博览会，caexpo", ""),
    ("abbreviation", "服贸会，中国国际服务贸易交易会", ""),
    ("abbreviation", "亚投行，亚洲基础设施投资银行，aiib", ""),
    ("abbreviation", "国开行，国家开发银行", ""),
    ("abbreviation", "进出口银行，中国进出口银行", ""),
    ("abbreviation", "国资委，国有资产监督管理委员会，sasac", ""),
    ("abbreviation", "世界银行，世行，world bank", ""),
    ("abbreviation", "IMF，国际货币基金组织", ""),
    ("abbreviation", "上合组织，上海合作组织，sco", ""),
    ("abbreviation", "金砖国家，金砖，brics", ""),
    ("abbreviation", "欧盟，欧洲联盟，eu，european union", ""),
    ("abbreviation", "非盟，非洲联盟，african union", ""),
    ("abbreviation", "海合会，海湾阿拉伯国家合作委员会，gcc", ""),
    ("abbreviation", "APEC，亚太经合组织，亚太经济合作组织", ""),
    ("abbreviation", "OECD，经合组织，经济合作与发展组织", ""),
    ("abbreviation", "非洲大陆自由贸易区，非洲大陆自贸区，afcfta", ""),
    ("abbreviation", "外经贸，对外经济贸易，对外经贸", ""),
    ("synonym", "外贸，对外贸易", ""),
    ("synonym", "拉美，拉丁美洲，latin america", ""),
    ("synonym", "东南亚，southeast asia", ""),
    ("synonym", "中亚，central asia", ""),
    ("synonym", "并购，兼并收购，跨国并购", ""),
    ("synonym", "绿地投资，新建投资", ""),
    ("synonym", "合资企业，合营企业，合资公司，合营公司，joint venture，jv", ""),
    ("synonym", "原产地证书，原产地证，产地证，certificate of origin", ""),
    ("synonym", "信用证，letter of credit", ""),
    ("synonym", "保函，银行保函，bank guarantee", ""),
    ("synonym", "出口退税，出口退免税，export tax rebate", ""),
    ("synonym", "工作许可，劳动许可，work permit", ""),
    ("synonym", "中小企业，中小微企业，sme", ""),
    ("synonym", "境外工程，海外工程，国际工程", ""),
    ("synonym", "出海，走出去，going global", ""),
    ("synonym", "海外，境外，国外", "在对外投资合作的语境里三者同义"),
    ("abbreviation", "自贸区，自贸试验区，自由贸易试验区，free trade zone，ftz", "指自由贸易试验区；自由贸易协定见 FTA"),
    ("abbreviation", "综保区，综合保税区", ""),
    ("abbreviation", "综试区，跨境电商综合试验区，跨境电子商务综合试验区", ""),
    ("abbreviation", "AEO，经认证的经营者，高级认证企业，海关高级认证", ""),
    ("synonym", "建厂，设厂，办厂，投资设厂，开厂，开工厂，建工厂", ""),
    ("synonym", "开公司，设立公司，注册公司，设立企业", ""),
    ("synonym", "赖账，拖欠，欠款，欠账", ""),
    ("synonym", "买家，买方，采购商", ""),
    ("synonym", "展会，展览会，博览会，展销会", ""),
    ("synonym", "资质，资格", ""),
    ("synonym", "打工，务工，干活", ""),
    ("synonym", "打官司，诉讼，起诉", ""),
    ("synonym", "投资指南，investment guide", ""),
    ("synonym", "营商环境，business environment", ""),
    ("synonym", "知识产权，intellectual property", ""),
    ("synonym", "出口管制，export control", ""),
    ("synonym", "汇率，exchange rate", ""),
    ("synonym", "补贴，补助，资助", ""),
    # Related, not the same: found too, ranked below the word typed and its synonyms.
    # A related group relates each of its terms to every other: products of one insurer, which
    # are not related to each other, are two groups.
    ("related", "中信保，出口信用保险", "中信保承保的险种"),
    ("related", "中信保，海外投资保险", "中信保承保的险种"),
    ("related", "外汇，汇率", ""),
    ("related", "外汇，结汇，购汇，换汇", ""),
    ("related", "纠纷，争议，仲裁", ""),
    ("related", "诉讼，仲裁", ""),
    ("related", "补贴，专项资金，扶持资金", ""),
    ("related", "融资，贷款，信贷", ""),
    ("related", "签证，工作许可，入境许可", ""),
    ("related", "东盟，东南亚", ""),
    ("related", "海外仓，跨境电商", ""),
]


def forwards(apps, schema_editor):
    Synonym = apps.get_model("sitesearch", "Synonym")
    for starts, extra in ADD_TO:
        for synonym in Synonym.objects.filter(terms__startswith=starts):
            missing = [t for t in extra.split("，") if t not in synonym.terms.split("，")]
            if missing:
                synonym.terms = "，".join([synonym.terms, *missing])
                synonym.save(update_fields=["terms"])
    for kind, terms, note in NEW:
        Synonym.objects.get_or_create(terms=terms, defaults={"kind": kind, "note": note})


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0006_synonym_kind_related")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
