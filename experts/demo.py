"""Demo experts for the pool (fictional people; profiles written for the demo)."""

from django.contrib.auth import get_user_model

from experts.models import Expert, Expertise

ORDER = 40

EXPERTS = [
    # name, title, organisation, fields, countries, languages, bank adviser, account, bio
    ("周明远", "合伙人律师", "湘江示范律师事务所", ["law"], ["VN", "ID", "MY"], "英语、越南语", False, "",
     "从事跨境投资与并购法律服务十余年，熟悉东南亚国家外资准入、土地使用与劳动用工规则，曾为多家湖南制造企业在越南、印尼设厂提供全程法律支持。"),
    ("欧阳蕾", "注册税务师", "示范税务师事务所", ["tax", "accounting"], ["KE", "TZ", "ET"], "英语", False, "",
     "专注于“走出去”企业的税收协定适用、常设机构认定与境外所得抵免，长期服务在东非开展工程承包的湖南企业。"),
    ("陈思齐", "海外分行客户经理", "示范银行约翰内斯堡分行", ["finance"], ["ZA", "ZM", "MZ"], "英语", True, "bank_adviser",
     "负责南部非洲的中资企业金融服务，熟悉保函、信用证、出口买方信贷与跨境人民币结算，可对接境内外联动授信。"),
    ("李婉清", "高级核保师", "示范信用保险湖南分公司", ["insurance"], ["NG", "GH", "EG"], "英语、阿拉伯语", False, "",
     "熟悉出口信用保险、海外投资保险的投保与理赔，协助企业评估买方信用与国别政治风险。"),
    ("唐国栋", "研究员", "湖南示范国别研究中心", ["country"], ["SA", "AE", "EG", "NG"], "阿拉伯语、英语", False, "",
     "研究中东与西非国家的营商环境和产业政策，参与编写多份国别投资指引，可就市场进入策略提供咨询。"),
    ("罗晓岚", "人力资源总监", "示范国际劳务合作公司", ["labour"], ["SG", "JP", "RS"], "英语、日语", False, "",
     "从事对外劳务合作十五年，熟悉外派人员招募培训、境外劳动权益保障与突发事件处置。"),
]


def load(stdout):
    users = get_user_model().objects
    created = 0
    for name, title, org, fields, countries, languages, is_bank, username, bio in EXPERTS:
        expert, new = Expert.objects.update_or_create(
            name=name, organization=org,
            defaults={"title": title, "bio": bio, "languages": languages, "is_bank_adviser": is_bank, "user": users.filter(username=username).first() if username else None},
        )
        expert.fields.set(Expertise.objects.filter(code__in=fields))
        expert.countries.set(countries)
        created += new
    stdout.write(f"experts: {len(EXPERTS)} experts ({created} new)")
