"""抱团出海: a lead enterprise forms a team of partners for one overseas project.

The opportunity (title, description, country, industry, roles sought) is public so partners
can find it and apply; the team — who joined in which role — is visible to its members only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsortiumStatus(models.TextChoices):
    OPEN = "open", _("招募中")
    CLOSED = "closed", _("已结束招募")


class Consortium(models.Model):
    lead = models.ForeignKey("accounts.Organization", verbose_name=_("牵头企业"), on_delete=models.PROTECT, related_name="led_consortia")
    title = models.CharField(_("项目名称"), max_length=120)
    description = models.TextField(_("项目与合作需求"))
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("项目所在国家(地区)"), on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey("taxonomy.Industry", verbose_name=_("行业"), on_delete=models.PROTECT, related_name="+")
    apply_by = models.DateField(_("报名截止日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=ConsortiumStatus.choices, default=ConsortiumStatus.OPEN, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发布人"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("发布时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("抱团出海项目")
        verbose_name_plural = _("抱团出海项目")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class Role(models.Model):
    """A role the lead is looking for (设计、施工分包、设备供应、融资、法律…)."""

    consortium = models.ForeignKey(Consortium, verbose_name=_("项目"), on_delete=models.CASCADE, related_name="roles")
    name = models.CharField(_("角色"), max_length=50)
    description = models.CharField(_("要求"), max_length=300, blank=True)
    slots = models.PositiveSmallIntegerField(_("需要家数"), default=1)

    class Meta:
        verbose_name = _("招募角色")
        verbose_name_plural = _("招募角色")
        ordering = ["id"]

    def __str__(self):
        return self.name


class MemberState(models.TextChoices):
    INVITED = "invited", _("已邀请")
    APPLIED = "applied", _("已申请")
    ACCEPTED = "accepted", _("已加入")
    DECLINED = "declined", _("已拒绝")


class Membership(models.Model):
    """One organisation's place in a consortium: invited by the lead or applied, then accepted or declined."""

    consortium = models.ForeignKey(Consortium, verbose_name=_("项目"), on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey("accounts.Organization", verbose_name=_("成员单位"), on_delete=models.PROTECT, related_name="consortium_memberships")
    role = models.ForeignKey(Role, verbose_name=_("角色"), null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships")
    is_lead = models.BooleanField(_("牵头方"), default=False)
    state = models.CharField(_("状态"), max_length=16, choices=MemberState.choices, db_index=True)
    message = models.TextField(_("留言"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发起人"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("发起时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("项目成员")
        verbose_name_plural = _("项目成员")
        ordering = ["-is_lead", "created_at"]
        constraints = [models.UniqueConstraint(fields=["consortium", "organization"], name="consortia_one_membership_per_org")]

    def __str__(self):
        return f"{self.organization} · {self.consortium}"
