"""Who uses the platform: people (User) and the organisations they act for.

One account works everywhere (provincial site, city zones, admin, project system, API).
An enterprise or service institution is an Organization, certified once by its
unified social credit code; its staff are Users who are members of it.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taxonomy.cities import Jurisdiction


class UserType(models.TextChoices):
    INDIVIDUAL = "individual", _("个人用户")
    ENTERPRISE = "enterprise", _("企业用户")
    INSTITUTION = "institution", _("服务机构用户")
    STAFF = "staff", _("工作人员")


class OrgKind(models.TextChoices):
    ENTERPRISE = "enterprise", pgettext_lazy("organisation kind", "走出去企业")
    INSTITUTION = "institution", pgettext_lazy("organisation kind", "服务机构")


class InstitutionType(models.TextChoices):
    BANK = "bank", _("银行")
    INSURER = "insurer", _("保险机构")
    FUND = "fund", _("担保/投资基金")
    LAW_FIRM = "law_firm", _("律师事务所")
    ACCOUNTING_FIRM = "accounting_firm", _("会计/税务师事务所")
    CONSULTANCY = "consultancy", _("咨询机构")
    TRANSLATION = "translation", _("翻译机构")
    TRAVEL = "travel", _("商旅服务机构")
    SECURITY = "security", _("境外安保机构")
    CHAMBER = "chamber", _("商(协)会")
    ALLIANCE = "alliance", _("产业联盟")
    OVERSEAS_ZONE = "overseas_zone", _("境外经贸合作区")
    OTHER = "other", _("其他")


class Ownership(models.TextChoices):
    STATE = "state", pgettext_lazy("ownership", "国有企业")
    PRIVATE = "private", pgettext_lazy("ownership", "民营企业")
    FOREIGN = "foreign", pgettext_lazy("ownership", "外资企业")
    OTHER = "other", _("其他")


class CertificationStatus(models.TextChoices):
    NONE = "none", _("未认证")
    PENDING = "pending", _("待审核")
    CERTIFIED = "certified", _("已认证")
    REJECTED = "rejected", _("未通过")


class Organization(models.Model):
    kind = models.CharField(_("类型"), max_length=16, choices=OrgKind.choices)
    name = models.CharField(_("名称"), max_length=200)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    institution_type = models.CharField(_("机构类别"), max_length=32, choices=InstitutionType.choices, blank=True)
    jurisdiction = models.CharField(_("所属市州"), max_length=16, choices=Jurisdiction.choices, default=Jurisdiction.PROVINCE, db_index=True)
    ownership = models.CharField(_("企业性质"), max_length=16, choices=Ownership.choices, blank=True)
    industries = models.ManyToManyField("taxonomy.Industry", verbose_name=_("所属行业"), blank=True)
    status = models.CharField(_("认证状态"), max_length=16, choices=CertificationStatus.choices, default=CertificationStatus.NONE, db_index=True)
    certified_at = models.DateTimeField(_("认证时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("组织")
        verbose_name_plural = _("组织")

    def __str__(self):
        return self.name

    @property
    def is_certified(self):
        return self.status == CertificationStatus.CERTIFIED


class OrgRole(models.TextChoices):
    ADMIN = "admin", _("管理员")
    MEMBER = "member", _("成员")


class User(AbstractUser):
    mobile = models.CharField(_("手机号"), max_length=11, unique=True, null=True, blank=True)
    user_type = models.CharField(_("用户类型"), max_length=16, choices=UserType.choices, default=UserType.INDIVIDUAL, db_index=True)
    organization = models.ForeignKey(Organization, verbose_name=_("所属组织"), null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    org_role = models.CharField(_("组织内角色"), max_length=16, choices=OrgRole.choices, blank=True)
    email_verified = models.BooleanField(_("邮箱已验证"), default=False)
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)
    must_change_password = models.BooleanField(_("下次登录须修改密码"), default=False)
    # Bumped by "log out everywhere": part of the session hash, so every older session ends.
    session_epoch = models.PositiveIntegerField(_("会话代次"), default=0, editable=False)
    cancelled_at = models.DateTimeField(_("注销时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        permissions = [
            ("manage_accounts", _("管理用户账号（创建、停用、重置密码）")),
            ("assign_roles", _("分配角色与权限")),
            ("view_contact_details", _("查看未脱敏的手机号等联系方式")),
            ("review_certification", _("审核企业/机构认证")),
        ]

    def save(self, *args, **kwargs):
        creating = self._state.adding
        super().save(*args, **kwargs)
        # create_user() sets the hash directly (no set_password), so Django does not call the
        # validators' password_changed(): record the first password here for history and expiry.
        if creating and self._password is None and self.password and self.has_usable_password() and self.password_changed_at is None:
            from django.contrib.auth import password_validation

            password_validation.password_changed(None, self)

    def _get_session_auth_hash(self, secret=None):
        # Django's hash covers the password only; adding the epoch lets "log out
        # everywhere" end sessions in any session backend (database or cache).
        key_salt = "accounts.User.get_session_auth_hash"
        return salted_hmac(key_salt, f"{self.password}:{self.session_epoch}", secret=secret, algorithm="sha256").hexdigest()

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    @property
    def is_org_admin(self):
        return self.organization_id is not None and self.org_role == OrgRole.ADMIN

    @property
    def certified_organization(self):
        """The user's organisation if it is certified, else None."""
        org = self.organization
        return org if org is not None and org.is_certified else None
