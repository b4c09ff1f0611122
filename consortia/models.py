"""抱团出海: a lead enterprise forms a team of partners for one overseas project.

The opportunity (title, description, country, industry, roles sought) is public so partners
can find it and apply; the team — who joined in which role — is visible to its members only.
"""

from django.conf import settings
from django.db import models


class ConsortiumStatus(models.TextChoices):
    OPEN = "open", "招募中"
    CLOSED = "closed", "已结束招募"


class Consortium(models.Model):
    lead = models.ForeignKey("accounts.Organization", verbose_name="牵头企业", on_delete=models.PROTECT, related_name="led_consortia")
    title = models.CharField("项目名称", max_length=120)
    description = models.TextField("项目与合作需求")
    country = models.ForeignKey("taxonomy.Country", verbose_name="项目所在国家(地区)", on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey("taxonomy.Industry", verbose_name="行业", on_delete=models.PROTECT, related_name="+")
    apply_by = models.DateField("报名截止日期", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=ConsortiumStatus.choices, default=ConsortiumStatus.OPEN, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("发布时间", auto_now_add=True)

    class Meta:
        verbose_name = "抱团出海项目"
        verbose_name_plural = "抱团出海项目"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class Role(models.Model):
    """A role the lead is looking for (设计、施工分包、设备供应、融资、法律…)."""

    consortium = models.ForeignKey(Consortium, verbose_name="项目", on_delete=models.CASCADE, related_name="roles")
    name = models.CharField("角色", max_length=50)
    description = models.CharField("要求", max_length=300, blank=True)
    slots = models.PositiveSmallIntegerField("需要家数", default=1)

    class Meta:
        verbose_name = "招募角色"
        verbose_name_plural = "招募角色"
        ordering = ["id"]

    def __str__(self):
        return self.name


class MemberState(models.TextChoices):
    INVITED = "invited", "已邀请"
    APPLIED = "applied", "已申请"
    ACCEPTED = "accepted", "已加入"
    DECLINED = "declined", "已拒绝"


class Membership(models.Model):
    """One organisation's place in a consortium: invited by the lead or applied, then accepted or declined."""

    consortium = models.ForeignKey(Consortium, verbose_name="项目", on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey("accounts.Organization", verbose_name="成员单位", on_delete=models.PROTECT, related_name="consortium_memberships")
    role = models.ForeignKey(Role, verbose_name="角色", null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships")
    is_lead = models.BooleanField("牵头方", default=False)
    state = models.CharField("状态", max_length=16, choices=MemberState.choices, db_index=True)
    message = models.TextField("留言", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "项目成员"
        verbose_name_plural = "项目成员"
        ordering = ["-is_lead", "created_at"]
        constraints = [models.UniqueConstraint(fields=["consortium", "organization"], name="consortia_one_membership_per_org")]

    def __str__(self):
        return f"{self.organization} · {self.consortium}"
