"""Demo articles, generated from our own title patterns and paragraphs (deterministic, no randomness
between runs), so every column and city zone shows believable content.

``generate()`` yields plain dicts; ``portal.demo`` turns them into articles through the same bulk
writer the legacy import uses.
"""

import random
from datetime import timedelta

from django.utils import timezone

from taxonomy.cities import SHORT_NAMES, City
from taxonomy.country_names import chinese_name

FOCUS = ["KE", "NG", "ET", "ZA", "EG", "TZ", "ZM", "GH", "DZ", "AO", "MA", "VN", "ID", "MY", "TH", "PH", "KH", "LA", "MM", "PK", "BD", "KZ", "UZ", "AE", "SA", "IN", "RU", "DE", "HU", "RS", "BR", "MX", "CL", "US", "AU"]
AFRICA = ["KE", "NG", "ET", "ZA", "EG", "TZ", "ZM", "GH", "DZ", "AO", "MA"]
INDUSTRIES = {
    "工程机械": "C", "轨道交通装备": "C", "新能源汽车": "C", "有色金属": "B", "建材": "C", "农业": "A", "电力工程": "D",
    "基础设施建设": "E", "跨境电商": "F", "物流运输": "G", "软件和信息服务": "I", "金融服务": "J", "文化旅游": "R", "纺织服装": "C",
}
NAMES = {code: chinese_name(code) for code in FOCUS}  # from CLDR, like every country name

# Title patterns per column slug. {c} country, {i} industry, {y} year, {n} a number, {city} a city.
TITLES = {
    "work-updates": ["省商务厅召开{y}年对外投资合作工作推进会", "省商务厅赴{city}调研企业走出去情况", "{i}企业“抱团出海”座谈会在长沙举行", "全省境外经贸合作园区建设现场会召开", "省商务厅与建行湖南省分行联合开展跨境金融服务进园区活动"],
    "notices": ["关于开展{y}年度对外投资合作统计数据报送的通知", "关于组织企业参加{y}年中国-非洲经贸博览会的通知", "关于做好境外企业和人员安全风险防范工作的通知", "关于申报{y}年度外经贸发展专项资金的通知", "关于举办“走出去”企业合规经营培训班的通知", "关于开展对外劳务合作企业年度检查的通知"],
    "policies": ["湖南省支持企业开拓国际市场若干措施", "湖南省对外投资合作专项资金管理办法", "湖南省境外经贸合作园区认定和考核办法", "关于推动{i}产业高水平走出去的实施意见", "湖南省对外承包工程项目备案管理细则"],
    "interpretations": ["一图读懂《湖南省支持企业开拓国际市场若干措施》", "《对外投资合作专项资金管理办法》答问", "境外投资备案新规要点解读", "对外承包工程项目备案常见问题解答", "如何享受{c}投资优惠政策：要点梳理"],
    "hot-news": ["{c}{i}市场需求持续增长，湘企迎来新机遇", "中欧班列（长沙）开通至{c}新线路", "{c}发布基础设施建设新规划，{i}项目受关注", "{y}年前三季度湖南对{c}贸易额实现较快增长", "湘企在{c}签约{i}合作项目"],
    "reports": ["{c}{i}市场调研报告（{y}）", "湖南企业对外投资发展报告（{y}）", "“一带一路”沿线{i}产业合作机遇分析", "{c}营商环境评估报告", "非洲{i}市场进入策略研究"],
    "risk-alerts": ["{c}近期安全形势提示", "关于{c}汇率大幅波动的风险提示", "{c}雨季洪涝灾害风险提示", "关于防范{c}劳务纠纷的提醒", "{c}大选期间安全风险提示", "关于警惕以{c}项目为名实施诈骗的提醒"],
    "cases": ["湘企在{c}建设{i}项目的本地化经验", "从出口到建厂：一家{i}企业的{c}之路", "借助出口信用保险化解{c}应收账款风险", "境外并购整合案例：{c}{i}企业", "抱团出海：湖南企业联合投标{c}项目纪实"],
    "country-guides": ["对外投资合作国别(地区)指南——{c}（{y}年版）", "{c}投资合作实务指引", "{c}{i}行业投资指引"],
    "tax-guides": ["中国居民赴{c}投资税收指南", "{c}企业所得税与增值税要点", "{c}双边税收协定适用指引"],
    "visa-news": ["{c}调整商务签证办理流程", "{c}电子签证系统上线新功能", "关于{c}入境政策变化的提示"],
    "visa-guides": ["{c}商务签证办理指南", "赴{c}工作签证申请材料清单", "{c}落地签与电子签办理要点"],
    "apec-card": ["APEC 商务旅行卡申办指南", "APEC 商务旅行卡常见问题解答", "关于APEC 商务旅行卡网上申请的说明"],
    "consular-protection": ["中国公民海外安全常识与领事保护指引", "在{c}遇到紧急情况如何求助", "境外中资企业突发事件应急处置要点"],
    "outward-investment": ["境外投资备案办理流程", "境外投资企业年度报告填报说明", "境外投资项目信息报告常见问题"],
    "contracting": ["对外承包工程项目备案指引", "对外承包工程资格与业务统计说明", "承包工程项目投标前的合规检查要点"],
    "labour-cooperation": ["外派劳务人员权益保障须知", "对外劳务合作企业经营资格说明", "外派劳务备案材料清单"],
    "aid-hrd": ["{y}年援外人力资源开发合作项目（{i}）招生公告", "援外培训班学员赴湖南{i}企业参观交流"],
    "aid-complete": ["援{c}{i}成套项目顺利移交", "湖南企业承建的援{c}项目通过竣工验收"],
    "aid-technical": ["援{c}农业技术合作项目取得阶段性成果", "杂交水稻技术援{c}项目培训当地技术人员"],
    "aid-consulting": ["对外援助项目咨询服务机构名录", "援外项目可行性研究咨询服务说明"],
    "aid-materials": ["湖南向{c}提供紧急人道主义援助物资", "援外物资项目质量管理要求"],
    "aid-loans": ["援外优惠贷款和优惠出口买方信贷（“两优”贷款）申请要点", "“两优”贷款项目前期准备指南"],
    "aid-debt-relief": ["关于对外债务减免政策的说明", "国际债务缓释安排问答"],
    "aid-volunteers": ["湖南援外志愿者赴{c}开展服务", "援外志愿者招募公告（{y}）"],
    "project-system": ["项目管理服务系统使用说明", "项目备案线上申报操作指南", "项目管理服务系统常见问题"],
    "statistics": ["{y}年1-{n}月湖南对外投资合作统计简况", "{y}年湖南对外承包工程业务统计", "湖南对{c}投资合作统计概览"],
    "enterprise-directory": ["湖南走出去重点企业名录（{i}）", "湘企名录新增{n}家认证企业"],
    "pilot-zone-news": ["中非经贸深度合作先行区新签{n}个项目", "先行区非洲非资源性产品集散交易加工中心投入运营", "先行区举办{c}商品推介会"],
    "about-society": ["中非经贸合作研究会简介", "研究会章程与入会须知"],
    "society-updates": ["研究会召开{y}年度理事会", "研究会专家赴{c}开展调研", "研究会举办中非经贸合作论坛"],
    "society-results": ["{c}{i}合作研究成果发布", "中非经贸合作年度研究报告（{y}）"],
    "society-matching": ["{c}{i}项目寻求湖南合作伙伴", "中非项目对接会成果清单"],
    "society-members": ["研究会会员单位名单（{y}）", "新加入会员单位介绍：{i}企业"],
    "expo": ["第{n}届中国-非洲经贸博览会筹备工作启动", "中非博览会{c}国家馆招展说明", "中非博览会签约项目金额创新高"],
    "resource-map": ["非洲资源地图：{c}资源与产业概况", "非洲{i}产业集群分布", "{c}特色产品目录"],
    "event-reviews": ["{c}湖南商品展活动回顾", "中非经贸合作论坛（{y}）回顾", "湘非企业对接会回顾"],
    "event-results": ["中非经贸活动成果展示：{c}{i}合作", "{y}年中非经贸活动签约成果汇总"],
    "africa-matching": ["{c}采购商寻求{i}产品供应商", "湖南{i}企业寻求{c}代理商", "中非撮合平台发布{n}条新需求"],
    "overseas-projects": ["{c}{i}项目招标信息", "{c}政府公布{i}项目清单", "{c}寻求{i}项目EPC承包商"],
    "investment-intents": ["湖南企业拟在{c}投资{i}项目", "{c}投资者寻求湖南{i}合作伙伴"],
    "overseas-jobs": ["{c}{i}项目招聘技术工人", "赴{c}{i}项目管理人员招聘", "{c}工程项目招聘设备操作员"],
    "event-signup": ["{y}湖南-{c}经贸合作对接会报名", "“走出去”企业合规经营培训报名", "跨境金融服务进园区活动报名"],
    "event-reports": ["湖南-{c}经贸合作对接会在长沙举行", "{i}企业出海专题培训顺利举办", "湘企组团参加{c}国际展会"],
    "chambers": ["{c}湖南商会介绍", "境外湖南商(协)会联系方式汇编"],
    "alliances": ["湖南{i}产业走出去联盟介绍", "湖南专业产业联盟名录"],
    "overseas-zones": ["湖南驻{c}经贸合作园区招商指南", "湖南境外经贸合作园区名录"],
    "commercial-offices": ["我国驻{c}使馆经商处联系方式", "驻外经商机构服务指南"],
    "finance": ["跨境贸易融资产品介绍", "境外项目融资服务方案", "外汇远期与掉期避险工具介绍", "并购贷款与内保外贷服务", "跨境人民币结算服务指南"],
    "credit-insurance": ["出口信用保险投保指南", "海外投资保险产品介绍", "短期出口信用保险理赔流程"],
    "third-party": ["境外法律服务机构推荐", "境外会计与税务服务指南", "翻译与认证服务机构名录"],
    "security-services": ["境外安全风险评估服务介绍", "海外安保服务采购指引", "境外项目安全管理培训"],
    "cross-border": ["跨境电商海外仓服务介绍", "国际物流与通关服务指南", "海外展会与商旅服务"],
    "talent": ["国际化经营人才培训计划", "境外项目管理人才招聘服务", "小语种人才储备计划"],
    "enterprise-news": ["湘企在{c}的{i}项目投产", "湖南{i}企业获{c}大单", "湘企海外工厂在{c}举行开业仪式", "湖南{i}品牌亮相{c}国际展会"],
}

PARAGRAPHS = {
    "news": [
        "近日，{title}。据了解，这是湖南企业在{c}{i}领域的又一次重要进展，相关合作将带动设备、技术和服务共同走出去。",
        "{c}近年来持续推进{i}发展，市场需求稳步增长。湖南企业凭借性价比高、交付周期短等优势，在当地的认可度不断提高。",
        "省商务厅有关负责人表示，将继续发挥“湘企出海+”平台作用，在政策、金融、信息等方面为企业提供全流程服务。",
        "业内人士建议，企业在拓展{c}市场时要做好本地化经营，重视当地劳动、环保和税务法规，稳妥控制经营风险。",
    ],
    "notice": [
        "各市州商务主管部门、有关企业：为做好相关工作，现将有关事项通知如下。",
        "一、工作内容。请各单位按照要求组织本地区企业认真做好准备，于规定时间前通过“湘企出海+”平台在线提交材料。",
        "二、工作要求。各市州商务主管部门要加强组织协调，指定专人负责，及时审核企业提交的信息，确保数据真实、准确、完整。",
        "三、联系方式。工作中遇到的问题，请通过平台“在线咨询”栏目提出，或致电省商务厅对外投资和经济合作处。",
    ],
    "policy": [
        "第一条 为促进我省企业有序开展对外投资合作，提高国际化经营水平，结合本省实际，制定本办法。",
        "第二条 本办法适用于在本省依法注册、开展境外投资、对外承包工程和对外劳务合作的企业。",
        "第三条 省商务厅会同有关部门负责政策的组织实施，各市州商务主管部门负责本地区的具体工作。",
        "第四条 企业应当遵守投资所在国(地区)法律法规，尊重当地风俗习惯，履行社会责任，防范经营风险。",
        "第五条 本办法自发布之日起施行，由省商务厅负责解释。",
    ],
    "interpretation": [
        "问：这项政策主要解决什么问题？答：政策聚焦企业走出去过程中的资金、信息和服务短板，明确了支持方向和申报程序。",
        "问：哪些企业可以申请？答：在本省注册、具有独立法人资格、近两年无重大违法违规记录的企业均可申请。",
        "问：如何办理？答：企业可在“湘企出海+”平台在线提交申请，市州商务主管部门初审后报省商务厅审核。",
    ],
    "report": [
        "报告从宏观经济、产业结构、市场需求和政策环境四个方面，对{c}{i}领域的合作机会进行了系统分析。",
        "研究显示，{c}在{i}方面的进口依赖度较高，本地产能不足，为湖南企业提供了较大的市场空间。",
        "报告建议企业采取“贸易先行、投资跟进、服务配套”的路径，逐步建立本地化的销售和服务网络。",
        "同时，报告提示企业关注汇率波动、政策调整和合规审查等风险，提前做好应对预案。",
    ],
    "risk": [
        "根据近期掌握的情况，{c}部分地区安全形势出现变化，请在当地的中资企业和人员提高警惕。",
        "请各企业加强驻地安保措施，减少非必要外出，避免前往人员密集场所，及时关注中国驻当地使领馆发布的安全提醒。",
        "如遇紧急情况，请第一时间拨打当地报警电话并与使领馆联系，同时向国内主管部门报告。",
        "各市州商务主管部门要及时将本提示转达至本地区在{c}开展业务的企业，督促企业落实安全防范措施。",
    ],
    "case": [
        "这家企业在进入{c}市场之初，先以设备出口和售后服务建立口碑，再逐步投资建设本地工厂。",
        "在项目实施过程中，企业坚持雇用本地员工、采购本地材料，当地员工占比超过八成，实现了互利共赢。",
        "面对汇率波动和应收账款风险，企业通过出口信用保险和远期结汇锁定收益，保障了项目现金流。",
        "这一案例表明，充分的前期调研、合规经营和本地化管理，是企业在海外稳健发展的关键。",
    ],
    "guide": [
        "本指南介绍{c}的基本情况、投资合作环境、法律法规和办事流程，供湖南企业开展业务时参考。",
        "指南重点梳理了公司注册、税务登记、劳动用工、环境保护和外汇管理等方面的规定。",
        "企业可在线阅读或下载附件中的完整版本，并结合自身业务向专业机构进一步咨询。",
    ],
    "travel": [
        "近期{c}对商务人员入境手续进行了调整，请计划出行的企业人员提前了解最新要求。",
        "申请人一般需准备有效护照、邀请函、行程安排和资金证明等材料，具体以使领馆公布的要求为准。",
        "出行前请登记“中国领事”APP，保持通讯畅通，遇到困难及时寻求领事协助。",
    ],
    "project": [
        "项目位于{c}，属于{i}领域，业主方希望寻找具有相关经验的湖南企业参与合作。",
        "合作方式包括工程承包、设备供货和投资合作，项目资金来源和进度安排可在对接后进一步了解。",
        "有意向的企业可通过平台“经贸对接”栏目提交意向，平台将在核实后安排对接。",
    ],
    "event": [
        "活动将邀请{c}有关机构、采购商和湖南{i}企业参加，开展政策介绍、项目推介和一对一洽谈。",
        "报名企业请通过平台在线填写参会信息，主办方将根据报名情况安排洽谈场次。",
        "活动期间还将组织参观湖南重点企业和产业园区，促进双方务实合作。",
    ],
    "service": [
        "该服务面向开展对外投资、对外承包工程和对外劳务合作的湖南企业，覆盖项目前期、实施和运营各阶段。",
        "服务内容包括政策咨询、方案设计、风险评估和后续跟踪，企业可根据需要选择。",
        "如需办理，请通过平台“在线咨询”提交需求，服务机构将在三个工作日内联系您。",
    ],
}
SUMMARIES = {
    "notice": "{title}，请各市州商务主管部门和有关企业按要求及时办理。",
    "policy": "《{title}》明确了支持对象、支持方式和办理程序，自发布之日起施行。",
    "interpretation": "围绕{title}中企业最关心的问题，逐条说明适用范围和办理方式。",
    "risk": "{title}：请在当地的中资企业和人员加强防范，关注使领馆安全提醒。",
    "report": "{title}从市场需求、政策环境和竞争格局等方面分析合作机会与风险。",
    "case": "{title}——从前期调研、本地化经营到风险管理的实践经验。",
    "guide": "{title}：基本情况、投资环境、法律法规和办事流程，可在线阅读或下载。",
    "project": "{title}，欢迎有意向的湖南企业通过平台提交合作意向。",
    "event": "{title}，请有意参加的企业在线报名。",
}
KIND_OF_COLUMN = {
    "notices": "notice", "policies": "policy", "interpretations": "interpretation", "reports": "report", "risk-alerts": "risk",
    "cases": "case",
}
SOURCES = {
    "notice": "湖南省商务厅", "policy": "湖南省商务厅", "interpretation": "湖南省商务厅", "risk": "湖南省商务厅对外投资和经济合作处",
    "report": "中非经贸合作研究会", "news": "湘企出海+", "case": "湘企出海+", "guide": "商务部国际贸易经济合作研究院",
    "travel": "湘企出海+", "project": "湘企出海+", "event": "湘企出海+", "service": "湘企出海+",
}
CITY_TOPICS = {
    City.CHANGSHA: ("工程机械", "长沙工程机械企业集中亮相海外展会"), City.ZHUZHOU: ("轨道交通装备", "株洲轨道交通装备出口再获新订单"),
    City.XIANGTAN: ("建材", "湘潭钢铁和电机企业拓展东南亚市场"), City.HENGYANG: ("有色金属", "衡阳输变电企业中标海外电网项目"),
    City.SHAOYANG: ("纺织服装", "邵阳发制品出口非洲市场持续走俏"), City.YUEYANG: ("物流运输", "岳阳城陵矶港开通外贸新航线"),
    City.CHANGDE: ("纺织服装", "常德纺织机械企业开拓中亚市场"), City.ZHANGJIAJIE: ("文化旅游", "张家界入境旅游市场加快恢复"),
    City.YIYANG: ("农业", "益阳黑茶走进中亚和俄罗斯"), City.CHENZHOU: ("有色金属", "郴州跨境电商产业园新增出口企业"),
    City.YONGZHOU: ("农业", "永州农产品出口基地通过境外认证"), City.HUAIHUA: ("物流运输", "怀化国际陆港开行东盟班列"),
    City.LOUDI: ("建材", "娄底钢铁新材料企业拓展海外市场"), City.XIANGXI: ("文化旅游", "湘西特色农产品亮相东盟博览会"),
}
CITY_HIGHLIGHTS = {
    City.CHANGSHA: "工程机械、新材料、电子信息产业集群\n中欧班列（长沙）和黄花国际机场国际货运\n中国（湖南）自由贸易试验区长沙片区",
    City.ZHUZHOU: "轨道交通装备、航空动力和先进硬质材料\n中国（湖南）自由贸易试验区相关产业配套",
    City.XIANGTAN: "钢铁、电机和智能装备制造\n湘潭综合保税区",
    City.HENGYANG: "输变电装备和有色金属加工\n衡阳综合保税区、湘南湘西承接产业转移示范区",
    City.SHAOYANG: "发制品、打火机、箱包等特色轻工产品\n企业以非洲和东南亚为主要出口市场",
    City.YUEYANG: "石化、食品加工和港口物流\n城陵矶港和岳阳综合保税区",
    City.CHANGDE: "烟草机械、纺织和装备制造\n常德市对外劳务合作传统较好",
    City.ZHANGJIAJIE: "世界级旅游目的地\n入境旅游和文旅服务贸易",
    City.YIYANG: "黑茶、船舶和电子元件\n益阳黑茶出口中亚和俄罗斯",
    City.CHENZHOU: "有色金属和电子信息\n湘南湘西承接产业转移示范区、郴州综合保税区",
    City.YONGZHOU: "电子信息和优质农产品\n对接粤港澳大湾区的前沿",
    City.HUAIHUA: "国际陆港和东盟物流通道\n中药材与特色农产品",
    City.LOUDI: "钢铁新材料和工程机械零部件\n娄底经济技术开发区",
    City.XIANGXI: "文旅融合和特色农业\n湘西州特色产品对外推广",
}


def _pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def _fill(text, values):
    return text.format(**values)


def _article(rng, n, column_slug, column_kind, info_class, today, title_pattern, *, city=""):
    kind = KIND_OF_COLUMN.get(column_slug, column_kind)
    countries = AFRICA if column_slug in {"pilot-zone-news", "society-updates", "society-results", "society-matching", "expo", "resource-map", "event-reviews", "event-results", "africa-matching"} else FOCUS
    code = _pick(rng, countries)
    industry = _pick(rng, list(INDUSTRIES))
    values = {
        "c": NAMES[code], "i": industry, "y": today.year - (1 if n % 5 == 0 else 0), "n": 3 + n % 9,
        "city": SHORT_NAMES[_pick(rng, list(City))],
    }
    title = _fill(title_pattern, values)
    paragraphs = [_fill(p, {**values, "title": title}) for p in PARAGRAPHS.get(kind, PARAGRAPHS["news"])]
    uses_country = "{c}" in title_pattern or kind in {"risk", "report", "case", "project", "event"}
    date = today - timedelta(days=(n * 7 + rng.randrange(7)) % 360)
    item = {
        "id": f"demo-{column_slug}-{n}",
        "title": title,
        "body": "".join(f"<p>{p}</p>" for p in paragraphs),
        "summary": (SUMMARIES[kind].format(title=title) if kind in SUMMARIES else paragraphs[0])[:150],
        "kind": kind,
        "info_class": info_class,
        "countries": [code] if uses_country else [],
        "industries": [INDUSTRIES[industry]] if "{i}" in title_pattern or kind in {"report", "project", "case"} else [],
        "tags": [t for t in (values["c"] if uses_country else "", industry if "{i}" in title_pattern else "") if t],
        "date": date,
        "source": SOURCES.get(kind, "湘企出海+"),
        "city": city,
    }
    if kind in {"notice", "policy"}:
        item["doc_number"] = f"湘商外〔{date.year}〕{10 + n}号"
    if kind == "policy":
        item["effective_date"] = date + timedelta(days=30)
    if kind in {"risk", "notice"} and n % 4 == 3:
        item["expires_at"] = today - timedelta(days=5 + n)  # a few already expired: the archive report shows them
    elif kind in {"risk", "event"}:
        item["expires_at"] = today + timedelta(days=90 + n)
    return item


def generate(columns, zones):
    """Articles for every leaf column (``columns``: slug → (kind, info_class)) and every city zone."""
    rng = random.Random(20260101)
    today = timezone.localdate()
    for slug, (kind, info_class) in columns.items():
        patterns = TITLES.get(slug) or [f"{{c}}{{i}}相关{slug}信息"]
        count = max(3, len(patterns))
        for n in range(count):
            yield slug, _article(rng, n, slug, kind, info_class, today, patterns[n % len(patterns)])
    for city in zones:
        industry, headline = CITY_TOPICS[City(city)]
        name = SHORT_NAMES[City(city)]
        city_titles = [
            ("news", headline),
            ("notice", f"关于组织{name}企业参加境外展会的通知"),
            ("event", f"{name}“走出去”企业政策宣讲会报名"),
            ("news", f"{name}商务局走访{industry}出口企业"),
        ]
        for n, (kind, title) in enumerate(city_titles):
            item = _article(rng, n, f"zone-{city}", kind, "basic", today, title, city=city)
            item["id"] = f"demo-zone-{city}-{n}"
            item["source"] = f"{City(city).label}商务局"
            item.pop("expires_at", None)
            item["countries"], item["tags"] = [], [name]
            yield f"zone:{city}", item
    yield from _anchors(today)


def _anchors(today):
    """A few fixed articles the walkthrough in the README and the browser tests point at."""
    yield "risk-alerts", {
        "id": "demo-anchor-ke-risk", "title": "关于肯尼亚部分地区安全形势变化的风险提示", "kind": "risk", "info_class": "basic",
        "summary": "近期肯尼亚部分地区发生聚集活动，请在肯中资企业和人员加强安全防范。",
        "body": "".join(f"<p>{p.format(c='肯尼亚')}</p>" for p in PARAGRAPHS["risk"]),
        "countries": ["KE"], "industries": [], "tags": ["肯尼亚", "安全"], "date": today - timedelta(days=1),
        "source": SOURCES["risk"], "expires_at": today + timedelta(days=60), "city": "",
    }
