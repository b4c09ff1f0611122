"""Trade matchmaking (经贸对接): listings, intents and their conversations, matches, interoperation.

* ``Listing`` – a demand or an offer, posted by a certified organisation (or imported from the
  bank's 全球撮合家 platform), reviewed before it is published, leaving the market when it
  expires. ``terms`` holds its precomputed term vector for the matching engine.
* ``Intent`` – one organisation's expression of interest in a listing; contact details of both
  sides are shown only once the owner accepts. ``IntentMessage`` is the conversation after.
* ``Match`` – a stored suggestion (listing → counterpart, score, reasons); ``MatchNotice`` – the
  proof that the owner was told about a match, so nobody is told twice.
* ``IndexState`` – a sequence bumped whenever a listing enters, changes in or leaves the market,
  so every process can bring its in-memory matching index up to date incrementally.
* ``ApiClient``, ``PeerEvent``, ``PeerReceipt`` – token access to the JSON API, the outbox of
  signed webhooks to the peer, and the receipts that stop a replayed import.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from matching.kinds import Kind, Side, side_of
from uploads.storage import RandomName, private_storage


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已发布")
    RETURNED = "returned", _("已退回")
    WITHDRAWN = "withdrawn", _("已撤回")
    EXPIRED = "expired", _("已过期")


class ContactPreference(models.TextChoices):
    ANY = "any", _("电话或电子邮件")
    PHONE = "phone", _("电话")
    EMAIL = "email", _("电子邮件")
    PLATFORM = "platform", _("仅在平台内沟通")


class Source(models.TextChoices):
    LOCAL = "local", _("本平台")
    PEER = "peer", _("全球撮合家")


class ListingQuerySet(models.QuerySet):
    def in_market(self, today=None):
        """Published and still valid: what visitors see and what matching ranks."""
        today = today or timezone.localdate()
        return self.filter(status=Status.PUBLISHED, valid_until__gte=today)


class Listing(models.Model):
    kind = models.CharField(_("类型"), max_length=24, choices=Kind.choices, db_index=True)
    side = models.CharField(_("供需"), max_length=8, choices=Side.choices, db_index=True, editable=False)
    title = models.CharField(_("标题"), max_length=120)
    description = models.TextField(_("详细说明"))
    countries = models.ManyToManyField("taxonomy.Country", verbose_name=_("国家(地区)"), blank=True, related_name="+")
    industries = models.ManyToManyField("taxonomy.Industry", verbose_name=_("行业"), blank=True, related_name="+")
    amount_min_usd = models.PositiveBigIntegerField(_("金额下限（美元）"), null=True, blank=True)
    amount_max_usd = models.PositiveBigIntegerField(_("金额上限（美元）"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), db_index=True)
    contact_preference = models.CharField(_("联系方式偏好"), max_length=16, choices=ContactPreference.choices, default=ContactPreference.ANY)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发布人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="matching_listings")
    organization = models.ForeignKey("accounts.Organization", verbose_name=pgettext_lazy("listing", "发布单位"), null=True, blank=True, on_delete=models.CASCADE, related_name="matching_listings")
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    review_note = models.TextField(_("审核意见"), blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("下架时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    source = models.CharField(_("来源"), max_length=8, choices=Source.choices, default=Source.LOCAL, db_index=True)
    peer_id = models.CharField(_("对方平台编号"), max_length=64, blank=True)
    peer_org_name = models.CharField(_("发布单位（对方平台）"), max_length=200, blank=True)
    peer_url = models.URLField(_("对方平台链接"), blank=True)
    terms = models.JSONField(_("匹配词向量"), default=dict, blank=True, editable=False)
    index_seq = models.PositiveBigIntegerField(_("索引序号"), default=0, db_index=True, editable=False)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("对接信息")
        verbose_name_plural = _("对接信息")
        indexes = [models.Index(fields=["status", "side", "kind"]), models.Index(fields=["status", "valid_until"])]
        constraints = [
            models.UniqueConstraint(fields=["source", "peer_id"], condition=Q(source="peer"), name="matching_one_row_per_peer_listing"),
            models.CheckConstraint(
                condition=Q(amount_min_usd__isnull=True) | Q(amount_max_usd__isnull=True) | Q(amount_min_usd__lte=models.F("amount_max_usd")),
                name="matching_amount_range_ordered",
                violation_error_message=_("金额上限不能小于下限"),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The side is a function of the kind, never chosen: keep the stored copy (used for filtering) in step.
        self.side = side_of(self.kind)
        super().save(*args, **kwargs)

    @property
    def org_name(self) -> str:
        """Who published it: the organisation, or as the peer named it; a listing with neither says where it came from."""
        if self.organization_id:
            return self.organization.name
        return self.peer_org_name or (gettext("%(platform)s平台发布") % {"platform": Source.PEER.label} if self.is_peer else gettext("对接平台发布"))

    @property
    def contact_person(self) -> str:
        """Whom to ask for: the contact named on the listing, else the person who posted it.

        A peer or imported listing has no poster here, and a poster's account may be gone
        (``owner`` is set to null), so neither is taken for granted.
        """
        if self.contact_name:
            return self.contact_name
        if self.owner_id and self.owner.display_name:
            return self.owner.display_name
        return gettext("未指定联系人")

    @property
    def in_market(self) -> bool:
        return self.status == Status.PUBLISHED and self.valid_until >= timezone.localdate()

    @property
    def is_peer(self) -> bool:
        return self.source == Source.PEER

    @property
    def amount_range(self):
        if self.amount_min_usd is None and self.amount_max_usd is None:
            return None
        low = self.amount_min_usd if self.amount_min_usd is not None else self.amount_max_usd
        high = self.amount_max_usd if self.amount_max_usd is not None else self.amount_min_usd
        return (low, high)


def attachment_storage():
    """The storage attachments had before ``uploads.storage``; kept only because migration 0001 names it."""
    return private_storage()


def attachment_path(instance, filename):
    """The names attachments had before ``uploads.storage``; kept only because migration 0001 names it."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"{instance.listing_id}/{uuid.uuid4().hex}.{extension}"


class ListingAttachment(models.Model):
    listing = models.ForeignKey(Listing, verbose_name=_("对接信息"), on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), storage=private_storage, upload_to=RandomName("matching"), max_length=200)
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.name


class IntentStatus(models.TextChoices):
    PENDING = "pending", _("待回复")
    ACCEPTED = "accepted", _("已接受")
    DECLINED = "declined", _("已婉拒")
    WITHDRAWN = "withdrawn", _("已撤回")


OPEN_INTENT_STATUSES = (IntentStatus.PENDING, IntentStatus.ACCEPTED)


class Intent(models.Model):
    listing = models.ForeignKey(Listing, verbose_name=_("对接信息"), on_delete=models.CASCADE, related_name="intents")
    from_listing = models.ForeignKey(Listing, verbose_name=_("来自本方信息"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发送人"), on_delete=models.CASCADE, related_name="matching_intents")
    sender_org = models.ForeignKey("accounts.Organization", verbose_name=_("发送单位"), on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("意向说明"))
    contact_name = models.CharField(_("联系人"), max_length=50)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=IntentStatus.choices, default=IntentStatus.PENDING, db_index=True)
    created_at = models.DateTimeField(_("发送时间"), default=timezone.now, db_index=True)
    responded_at = models.DateTimeField(_("回复时间"), null=True, blank=True)
    response_note = models.TextField(_("回复说明"), blank=True)
    meeting_held_on = models.DateField(_("洽谈日期"), null=True, blank=True)
    deal_signed_on = models.DateField(_("签约日期"), null=True, blank=True)
    deal_amount_usd = models.PositiveBigIntegerField(_("签约金额（美元）"), null=True, blank=True)
    outcome_note = models.TextField(_("成果说明"), blank=True)
    outcome_recorded_at = models.DateTimeField(_("成果记录时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("意向")
        verbose_name_plural = _("意向")
        default_permissions = ()  # private to the two parties: no admin role reads them
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "sender_org"], condition=Q(status__in=["pending", "accepted"]), name="matching_one_open_intent_per_org",
                violation_error_message=_("本单位已就这条信息发送过意向"),
            )
        ]

    def __str__(self):
        return f"{self.sender_org} → {self.listing}"

    @property
    def owner(self):
        return self.listing.owner


class IntentMessage(models.Model):
    intent = models.ForeignKey(Intent, verbose_name=_("意向"), on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发言人"), null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("内容"))
    created_at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("会话消息")
        verbose_name_plural = _("会话消息")
        default_permissions = ()

    def __str__(self):
        return f"{self.intent_id} · {self.body[:30]}"


class Match(models.Model):
    listing = models.ForeignKey(Listing, verbose_name=_("对接信息"), on_delete=models.CASCADE, related_name="matches")
    counterpart = models.ForeignKey(Listing, verbose_name=_("匹配信息"), on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("匹配度"))
    components = models.JSONField(_("分项得分"), default=dict)
    reasons = models.JSONField(_("匹配理由"), default=list)
    computed_at = models.DateTimeField(_("计算时间"), default=timezone.now)

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("智能匹配")
        verbose_name_plural = _("智能匹配")
        constraints = [models.UniqueConstraint(fields=["listing", "counterpart"], name="matching_one_match_per_pair")]
        indexes = [models.Index(fields=["listing", "-score"])]

    def __str__(self):
        return f"{self.listing_id} → {self.counterpart_id} ({self.score:.2f})"

    @property
    def reason_text(self) -> str:
        return " · ".join(self.reasons)


class MatchNotice(models.Model):
    """The owner of ``listing`` was told about ``counterpart``: the unique pair stops a second push."""

    listing = models.ForeignKey(Listing, verbose_name=_("对接信息"), on_delete=models.CASCADE, related_name="+")
    counterpart = models.ForeignKey(Listing, verbose_name=_("匹配信息"), on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("接收人"), null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.FloatField(_("推送时匹配度"))
    notified_at = models.DateTimeField(_("推送时间"), default=timezone.now)

    class Meta:
        verbose_name = _("匹配推送记录")
        verbose_name_plural = _("匹配推送记录")
        constraints = [models.UniqueConstraint(fields=["listing", "counterpart"], name="matching_notice_once_per_pair")]

    def __str__(self):
        return f"{self.listing_id} → {self.counterpart_id} @ {self.notified_at:%Y-%m-%d %H:%M}"


class IndexState(models.Model):
    """One row: ``epoch`` is new whenever the row is (re)created, ``seq`` grows with every market change."""

    epoch = models.CharField(max_length=32)
    seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.epoch[:8]}:{self.seq}"


class ApiClient(models.Model):
    """A system allowed to read the listings API (e.g. the bank's 全球撮合家); only the token's hash is kept."""

    name = models.CharField(_("名称"), max_length=100)
    token_prefix = models.CharField(_("令牌前缀"), max_length=8, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)

    class Meta:
        verbose_name = _("接口客户端")
        verbose_name_plural = _("接口客户端")

    def __str__(self):
        return f"{self.name}（{self.token_prefix}…）"


class PeerEvent(models.Model):
    """One signed webhook to the peer platform, kept until delivered (the background task retries)."""

    class State(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENT = "sent", _("已送达")
        FAILED = "failed", _("发送失败")

    event_id = models.UUIDField(_("事件编号"), default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(_("事件"), max_length=32)
    listing = models.ForeignKey(Listing, verbose_name=_("对接信息"), null=True, on_delete=models.SET_NULL, related_name="+")
    payload = models.JSONField(_("内容"))
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    sent_at = models.DateTimeField(_("送达时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("推送给全球撮合家的事件")
        verbose_name_plural = _("推送给全球撮合家的事件")

    def __str__(self):
        return f"{self.event} {self.event_id}"


class PeerReceipt(models.Model):
    """A signed request accepted from the peer; a second request with the same nonce is a replay."""

    nonce = models.CharField(max_length=128, unique=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.nonce
