"""Certification of an organisation by its unified social credit code, and member invitations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models.users import InstitutionType, OrgKind, Ownership
from taxonomy.cities import Jurisdiction
from uploads.storage import RandomName, private_storage


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("未通过")


def licence_path(instance, filename):
    """The names licences had before ``uploads.storage``; kept only because migration 0002 names it."""
    ext = filename.rsplit(".", 1)[-1].lower()
    return f"licences/{instance.credit_code}/{instance.submitted_at:%Y%m%d%H%M%S}.{ext}"


class CertificationRequest(models.Model):
    """One application to certify an organisation; the latest decides the organisation's status."""

    organization = models.ForeignKey("accounts.Organization", verbose_name=_("组织"), on_delete=models.CASCADE, related_name="certification_requests")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人"), null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("类型"), max_length=16, choices=OrgKind.choices)
    name = models.CharField(_("名称"), max_length=200)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, db_index=True)
    institution_type = models.CharField(_("机构类别"), max_length=32, choices=InstitutionType.choices, blank=True)
    jurisdiction = models.CharField(_("所属市州"), max_length=16, choices=Jurisdiction.choices, db_index=True)
    ownership = models.CharField(_("企业性质"), max_length=16, choices=Ownership.choices, blank=True)
    licence = models.FileField(_("营业执照"), storage=private_storage, upload_to=RandomName("accounts"), max_length=200)
    licence_name = models.CharField(_("原文件名"), max_length=200, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True)
    submitted_at = models.DateTimeField(_("提交时间"), db_index=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    decision_note = models.TextField(_("审核意见"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("认证申请")
        verbose_name_plural = _("认证申请")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.name}（{self.get_status_display()}）"


class Invitation(models.Model):
    """An organisation admin's invitation of a colleague (by mobile number) to join as a member."""

    organization = models.ForeignKey("accounts.Organization", verbose_name=_("组织"), on_delete=models.CASCADE, related_name="invitations")
    mobile = models.CharField(_("受邀手机号"), max_length=11)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("邀请人"), null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("邀请时间"), auto_now_add=True)
    expires_at = models.DateTimeField(_("有效期至"))
    accepted_at = models.DateTimeField(_("接受时间"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("接受人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("成员邀请")
        verbose_name_plural = _("成员邀请")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.organization} → {self.mobile}"
