"""Demo enquiries in every state, public FAQ answers, group leads and deadlines (written for the demo)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import BANK_ADVISER, DEPT_ADMIN, OPERATOR, city_bureau_role
from consultation import services
from consultation.models import Category, CategoryPolicy, Enquiry, Event, TeamLead
from experts.models import Expert

ORDER = 45

# (days ago, asker, category, city, country, subject, body, replier, reply, public, rating, offline)
ENQUIRIES = [
    (150, "enterprise", Category.INVESTMENT, "", "VN", "在越南新设工厂需要办理哪些境内手续？",
     "我司计划在越南北宁省新设一家装配厂，中方投资额约 800 万美元，想了解境内需要办理的备案和外汇手续。",
     "dept_admin", "中方投资额 300 万美元以上的非敏感类项目，由省商务厅办理境外投资备案，发改部门同步办理项目备案；取得《企业境外投资证书》后到银行办理外汇登记。可在本平台“项目管理服务系统”在线提交。", True, 5, None),
    (120, "shaoyang_ent", Category.INVESTMENT, "shaoyang", "ID", "邵阳企业赴印尼投资能否享受市级扶持？",
     "我们是邵阳的发制品企业，准备在印尼设立加工点，请问市里对走出去项目有没有资金支持？",
     "shaoyang_bureau", "邵阳市对当年完成境外投资备案并实际出资的企业给予一定比例的前期费用补助，申报通知每年二季度发布。建议先完成备案，我局外经科可上门指导。", False, 4,
     (Event.Offline.MEETING, "", "外经科到企业座谈，梳理印尼项目进度", "企业已提交备案材料")),
    (95, "enterprise", Category.FINANCE, "", "ZA", "南非项目的投标保函如何开立？",
     "我司参与南非一条公路项目投标，业主要求当地银行出具投标保函，国内银行能否办理？",
     "bank_adviser", "可通过境内分行向我行约翰内斯堡分行申请转开保函，境内以保证金或授信额度作为反担保，一般 5 个工作日内可出函。", True, 5,
     (Event.Offline.BANK_REFERRAL, "示范银行湖南省分行国际业务部", "转介省分行国际业务部对接授信", "已落实 200 万美元保函额度")),
    (70, "enterprise", Category.CONTRACTING, "", "KE", "在肯尼亚承包工程需要当地哪些资质？",
     "我司首次在肯尼亚承揽房建项目，请问需要在当地注册哪些资质，是否必须与当地企业联营？",
     "dept_admin", "肯尼亚对外国承包商实行国家建设管理局（NCA）注册管理，按工程类别和规模分级；部分政府项目对本地成分有比例要求。可参阅本平台国别页中的肯尼亚承包工程指引。", True, 3, None),
    (45, "institution", Category.SUGGESTION, "", "", "建议国别页增加签证办理时间参考",
     "国别页面信息很全，建议增加各国商务签证的大致办理时间，方便企业安排出行。",
     "operator", "感谢建议，我们已在“出境指南”栏目补充各国签证办理指南，并将在国别页中加入办理时长参考。", True, 5, None),
    (30, "shaoyang_ent", Category.LABOUR, "shaoyang", "SG", "外派新加坡的工人需要哪些培训？",
     "我们有一批技术工人拟外派新加坡，请问出国前培训有什么要求？",
     "shaoyang_bureau", "外派劳务人员须参加具有资格的对外劳务合作企业组织的适应性培训，内容包括当地法律、安全与文化习俗；新加坡还要求部分工种通过技能认证。", False, None, None),
    (20, "enterprise", Category.POLICY, "", "ET", "在埃塞俄比亚取得的所得如何避免双重征税？",
     "我司在埃塞俄比亚的子公司明年开始分红，想了解税收协定的适用与境外所得抵免。",
     "dept_admin", "", False, None, None),  # replied late below
    (6, "enterprise", Category.FINANCE, "changsha", "NG", "尼日利亚项目能否办理出口买方信贷？", "我司向尼日利亚出口成套设备，买方希望中方提供融资。", "", "", False, None, None),
    (2, "shaoyang_ent", Category.INVESTMENT, "shaoyang", "MY", "马来西亚设立销售公司是否需要备案？", "我们只在马来西亚设立销售公司，不涉及生产，是否也需要境外投资备案？", "", "", False, None, None),
    (1, "institution", Category.POLICY, "", "", "服务机构如何入驻平台？", "我们是一家律师事务所，希望入驻专业服务栏目，请问流程。", "", "", False, None, None),
    (12, "enterprise", Category.CONTRACTING, "", "SA", "沙特项目分包合同的付款担保条款如何约定？", "沙特总包方要求我方接受 180 天付款期，如何降低风险？", "", "", False, None, None),  # overdue
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def load(stdout):
    if _user("dept_admin") is None:
        stdout.write("consultation: accounts demo not loaded, skipped")
        return
    for category, days in ((Category.SUGGESTION, 5), (Category.FINANCE, 3)):
        CategoryPolicy.objects.get_or_create(category=category, defaults={"due_working_days": days})
    for role, lead in ((DEPT_ADMIN, "dept_admin"), (BANK_ADVISER, "bank_adviser"), (OPERATOR, "operator"), (city_bureau_role("shaoyang"), "shaoyang_bureau")):
        group, _ = Group.objects.get_or_create(name=role.group_name)
        TeamLead.objects.get_or_create(group=group, defaults={"lead": _user(lead)})
    created = 0
    now = timezone.now()
    for days, asker, category, city, country, subject, body, replier, answer, public, rating, offline in ENQUIRIES:
        if Enquiry.objects.filter(subject=subject).exists():
            continue
        asked = now - timedelta(days=days, hours=3)
        user = _user(asker)
        enquiry = services.ask(
            asker=user, asker_name=user.display_name, category=category, subject=subject, body=body, city=city, now=asked,
            country=_country(country), expert=Expert.objects.filter(user__username="bank_adviser").first() if category == Category.FINANCE and days == 95 else None,
        )
        created += 1
        if replier:
            delay = timedelta(days=8) if days == 20 else timedelta(hours=6 + days % 30)
            services.reply(enquiry, by=_user(replier), body=answer or "已按税收协定规定答复：子公司分红适用协定限制税率，境内可按规定抵免。", public=public, now=asked + delay)
        if offline:
            kind, counterpart, text, outcome = offline
            services.record_offline(enquiry, by=_user(replier), offline_kind=kind, counterpart=counterpart, body=text, outcome=outcome)
        if rating:
            services.rate(enquiry, user=user, rating=rating, comment="答复清楚，解决了问题" if rating >= 4 else "希望更具体一些")
    from consultation.tracking import escalate_overdue

    escalate_overdue()
    stdout.write(f"consultation: {Enquiry.objects.count()} enquiries ({created} new)")


def _country(code):
    from taxonomy.models import Country

    return Country.objects.filter(code=code).first() if code else None
