"""Who uses the platform: people (User) and the organisations they act for.

One account works everywhere (provincial site, city zones, admin, project system, API).
An enterprise or service institution is an Organization, certified once by its
unified social credit code; its staff are Users who are members of it.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac

from taxonomy.cities import Jurisdiction


class UserType(models.TextChoices):
    INDIVIDUAL = "individual", "个人用户"
    ENTERPRISE = "enterprise", "企业用户"
    INSTITUTION = "institution", "服务机构用户"
    STAFF = "staff", "工作人员"


class OrgKind(models.TextChoices):
    ENTERPRISE = "enterprise", "走出去企业"
    INSTITUTION = "institution", "服务机构"


class InstitutionType(models.TextChoices):
    BANK = "bank", "银行"
    INSURER = "insurer", "保险机构"
    FUND = "fund", "担保/投资基金"
    LAW_FIRM = "law_firm", "律师事务所"
    ACCOUNTING_FIRM = "accounting_firm", "会计/税务师事务所"
    CONSULTANCY = "consultancy", "咨询机构"
    TRANSLATION = "translation", "翻译机构"
    TRAVEL = "travel", "商旅服务机构"
    SECURITY = "security", "境外安保机构"
    CHAMBER = "chamber", "商(协)会"
    ALLIANCE = "alliance", "产业联盟"
    OVERSEAS_ZONE = "overseas_zone", "境外经贸合作区"
    OTHER = "other", "其他"


class Ownership(models.TextChoices):
    STATE = "state", "国有企业"
    PRIVATE = "private", "民营企业"
    FOREIGN = "foreign", "外资企业"
    OTHER = "other", "其他"


class CertificationStatus(models.TextChoices):
    NONE = "none", "未认证"
    PENDING = "pending", "待审核"
    CERTIFIED = "certified", "已认证"
    REJECTED = "rejected", "未通过"


class Organization(models.Model):
    kind = models.CharField("类型", max_length=16, choices=OrgKind.choices)
    name = models.CharField("名称", max_length=200)
    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True)
    institution_type = models.CharField("机构类别", max_length=32, choices=InstitutionType.choices, blank=True)
    jurisdiction = models.CharField("所属市州", max_length=16, choices=Jurisdiction.choices, default=Jurisdiction.PROVINCE, db_index=True)
    ownership = models.CharField("企业性质", max_length=16, choices=Ownership.choices, blank=True)
    industries = models.ManyToManyField("taxonomy.Industry", verbose_name="所属行业", blank=True)
    status = models.CharField("认证状态", max_length=16, choices=CertificationStatus.choices, default=CertificationStatus.NONE, db_index=True)
    certified_at = models.DateTimeField("认证时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "组织"
        verbose_name_plural = "组织"

    def __str__(self):
        return self.name

    @property
    def is_certified(self):
        return self.status == CertificationStatus.CERTIFIED


class OrgRole(models.TextChoices):
    ADMIN = "admin", "管理员"
    MEMBER = "member", "成员"


class User(AbstractUser):
    mobile = models.CharField("手机号", max_length=11, unique=True, null=True, blank=True)
    user_type = models.CharField("用户类型", max_length=16, choices=UserType.choices, default=UserType.INDIVIDUAL, db_index=True)
    organization = models.ForeignKey(Organization, verbose_name="所属组织", null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    org_role = models.CharField("组织内角色", max_length=16, choices=OrgRole.choices, blank=True)
    email_verified = models.BooleanField("邮箱已验证", default=False)
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)
    must_change_password = models.BooleanField("下次登录须修改密码", default=False)
    # Bumped by "log out everywhere": part of the session hash, so every older session ends.
    session_epoch = models.PositiveIntegerField("会话代次", default=0, editable=False)
    cancelled_at = models.DateTimeField("注销时间", null=True, blank=True)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        permissions = [
            ("manage_accounts", "管理用户账号（创建、停用、重置密码）"),
            ("assign_roles", "分配角色与权限"),
            ("view_contact_details", "查看未脱敏的手机号等联系方式"),
            ("review_certification", "审核企业/机构认证"),
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
