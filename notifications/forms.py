import csv
import io
from pathlib import Path

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import UserType
from accounts.roles import ALL_ROLES
from notifications.kinds import GROUPS
from notifications.models import Channel, Digest
from taxonomy.cities import City
from taxonomy.forms import CountryCodesField
from taxonomy.models import Industry
from taxonomy.widgets import MarkedCheckboxSelectMultiple, MarkedSearchableSelectMultiple

EXTERNAL = [(c.value, c.label) for c in Channel if c != Channel.INBOX]


class PreferencesForm(forms.Form):
    email_digest = forms.ChoiceField(label=_("邮件发送方式"), choices=Digest.choices)

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for group, (label, defaults) in GROUPS.items():
            self.fields[f"ch_{group}"] = forms.MultipleChoiceField(
                label=label, choices=EXTERNAL, required=False, widget=MarkedCheckboxSelectMultiple,
                initial=current.get(group, [c for c in defaults if c != Channel.INBOX]),
            )

    def channels_by_group(self):
        return {group: self.cleaned_data[f"ch_{group}"] for group in GROUPS}


class SubscriptionsForm(forms.Form):
    columns = forms.MultipleChoiceField(label=_("栏目"), required=False, widget=MarkedCheckboxSelectMultiple)
    countries = CountryCodesField(label=_("国家（地区）"), required=False)
    industries = forms.MultipleChoiceField(label=_("行业"), required=False, widget=MarkedCheckboxSelectMultiple)
    cities = forms.MultipleChoiceField(label=_("市州"), required=False, choices=City.choices, widget=MarkedCheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        from wagtail.models import Page

        super().__init__(*args, **kwargs)
        self.fields["columns"].choices = [(str(p.pk), p.title) for p in Page.objects.filter(depth=3, live=True).order_by("path")]
        self.fields["industries"].choices = [(i.code, f"{i.code} {i.name_zh}") for i in Industry.objects.order_by("code")]


def parse_identifiers(upload) -> list[str]:
    """First column of an uploaded CSV/TXT/XLSX: usernames, mobiles, e-mails or credit codes."""
    ext = Path(upload.name).suffix.lower()
    if upload.size > 5 * 1024 * 1024:
        raise forms.ValidationError(_("名单文件不能超过 5 MB"))
    if ext == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True).active
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
            raise forms.ValidationError(_("无法读取该 Excel 文件，请确认格式为 .xlsx")) from exc
        values = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0] is not None]
    elif ext in (".csv", ".txt"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("名单文件须为 UTF-8 编码")) from exc
        values = [row[0] for row in csv.reader(io.StringIO(text)) if row]
    else:
        raise forms.ValidationError(_("名单文件仅支持 .csv、.txt 或 .xlsx"))
    return [str(v).strip() for v in values if str(v).strip()]


def event_choices():
    """Events whose registrants a push may target: published, not ended more than 90 days ago."""
    from django.apps import apps

    if not apps.is_installed("events"):
        return []
    from datetime import timedelta

    from events.models import Event, Status

    recent = Event.objects.filter(status=Status.PUBLISHED, ends_at__gte=timezone.now() - timedelta(days=90)).order_by("-starts_at")
    return [(str(e.pk), f"{e.title}（{timezone.localtime(e.starts_at):%Y-%m-%d}）") for e in recent[:200]]


class PushForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)
    url = forms.CharField(label=_("链接（可选）"), max_length=500, required=False)
    channels = forms.MultipleChoiceField(label=_("同时发送"), choices=EXTERNAL, required=False, widget=MarkedCheckboxSelectMultiple, help_text=_("站内信总是发送"))
    roles = forms.MultipleChoiceField(label=_("角色"), required=False, choices=[(r.code, r.group_name) for r in ALL_ROLES], widget=MarkedSearchableSelectMultiple)
    user_types = forms.MultipleChoiceField(label=_("用户类型"), required=False, choices=UserType.choices, widget=MarkedCheckboxSelectMultiple)
    cities = forms.MultipleChoiceField(label=_("所属市州"), required=False, choices=City.choices, widget=MarkedCheckboxSelectMultiple)
    industries = forms.MultipleChoiceField(label=_("行业"), required=False, widget=MarkedSearchableSelectMultiple)
    certified = forms.BooleanField(label=_("仅限已认证组织的用户"), required=False)
    events = forms.MultipleChoiceField(label=_("活动报名人"), required=False, widget=MarkedSearchableSelectMultiple,
                                       help_text=_("报名成功的参会单位/个人（近期及 90 天内结束的活动）"))
    upload = forms.FileField(label=_("上传名单（可选）"), required=False, help_text=_("第一列为用户名、手机号、邮箱或统一社会信用代码"))
    send_at = forms.DateTimeField(label=_("定时发送（留空立即发送）"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, fixed_city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_city = fixed_city
        self.fields["industries"].choices = [(i.code, f"{i.code} {i.name_zh}") for i in Industry.objects.order_by("code")]
        self.fields["events"].choices = event_choices()
        if not self.fields["events"].choices:
            del self.fields["events"]
        if fixed_city:
            self.fields["cities"].choices = [c for c in City.choices if c[0] == fixed_city]
            self.fields["cities"].help_text = _("市州商务局只能向本市州推送")

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return parse_identifiers(upload) if upload else []

    def clean_send_at(self):
        send_at = self.cleaned_data.get("send_at")
        if send_at and send_at < timezone.now():
            raise forms.ValidationError(_("定时发送时间不能早于现在"))
        return send_at

    def audience(self) -> dict:
        data = self.cleaned_data
        audience = {k: data[k] for k in ("roles", "user_types", "cities", "industries", "events") if data.get(k)}
        if self.fixed_city:
            audience["cities"] = [self.fixed_city]
        if data.get("certified"):
            audience["certified"] = True
        if data.get("upload"):
            audience["identifiers"] = data["upload"]
        return audience

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.audience():
            raise forms.ValidationError(_("请至少选择一个受众条件或上传名单，避免误发给全部用户"))
        return cleaned
