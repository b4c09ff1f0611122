"""Forms of matchmaking. Business rules shared with the services (``validate_listing``) are
called from ``clean`` so errors appear next to the field and what the user typed is kept."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from matching.attachments import MAX_FILES, validate_upload
from matching.kinds import DEMAND_KINDS, Kind, Side
from matching.models import ContactPreference, Listing
from matching.services.listings import validate_listing
from taxonomy.forms import CountryCodeField, CountryCodesField
from taxonomy.models import Continent, Industry
from taxonomy.selectors import host_country_choices
from taxonomy.widgets import MarkedSearchableSelect, MarkedSearchableSelectMultiple, MarkedSelect


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_FILES:
            raise ValidationError(ngettext("最多上传 %(n)s 个附件", "最多上传 %(n)s 个附件", MAX_FILES) % {"n": MAX_FILES})
        for upload in files:
            validate_upload(upload)
        return files


class ListingForm(forms.ModelForm):
    countries = CountryCodesField(label=_("国家(地区)"), required=False, help_text=_("可多选；不选表示不限国别（如面向各国的金融、咨询服务）"))
    industries = forms.ModelMultipleChoiceField(label=_("行业（GB/T 4754 门类）"), queryset=Industry.objects.order_by("code"), required=False, widget=MarkedSearchableSelectMultiple)
    attachments = AttachmentsField(label=_("附件（可选）"), required=False, help_text="")

    class Meta:
        model = Listing
        fields = [
            "kind", "title", "description", "countries", "industries", "amount_min_usd", "amount_max_usd", "valid_until",
            "contact_preference", "contact_name", "contact_phone", "contact_email",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 7}),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "kind": _("需求类：项目招标、招商、招租、用工、采购、服务与合作伙伴需求；供给类：投资意向、产品、服务、劳务合作、金融保险服务"),
            "amount_min_usd": _("单位：美元；只填一个数表示大致金额"),
            "contact_name": _("对方的意向被您接受后，才能看到这里的联系方式"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (_("需求"), [(k.value, k.label) for k in Kind if k in DEMAND_KINDS]),
            (_("供给"), [(k.value, k.label) for k in Kind if k not in DEMAND_KINDS]),
        ]
        self.fields["description"].max_length = 4000
        self.fields["attachments"].help_text = ngettext("最多 %(n)s 个，支持 PDF、图片、Word、Excel", "最多 %(n)s 个，支持 PDF、图片、Word、Excel", MAX_FILES) % {"n": MAX_FILES}
        self.fields["contact_preference"].choices = ContactPreference.choices
        if self.instance.pk:
            self.initial["countries"] = [c.pk for c in self.instance.countries.all()]

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if len(text) < 20:
            raise ValidationError(_("请至少用 20 个字说明需求或供给的内容，便于匹配"))
        if len(text) > 4000:
            raise ValidationError(_("说明不超过 4000 字"))
        return text

    def clean(self):
        data = super().clean()
        try:
            validate_listing(data, today=timezone.localdate())
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data


class IntentForm(forms.Form):
    message = forms.CharField(label=_("意向说明"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
                              help_text=_("介绍本单位和合作设想；对方接受后双方才能看到彼此的联系方式"))
    contact_name = forms.CharField(label=_("联系人"), max_length=50)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("联系邮箱"), required=False)
    from_listing = forms.ModelChoiceField(label=_("关联本单位的信息（可选）"), queryset=Listing.objects.none(), required=False, empty_label=_("不关联"), widget=MarkedSelect)

    def __init__(self, *args, own_listings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if own_listings is not None:
            self.fields["from_listing"].queryset = own_listings

    def clean(self):
        data = super().clean()
        if not data.get("contact_phone") and not data.get("contact_email"):
            raise ValidationError(_("请至少留下一种联系方式（电话或邮箱）"))
        return data


class RespondForm(forms.Form):
    note = forms.CharField(label=_("回复说明（可选）"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False)


class MessageForm(forms.Form):
    body = forms.CharField(label=pgettext_lazy("a conversation message", "消息"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class OutcomeForm(forms.Form):
    meeting_held_on = forms.DateField(label=_("洽谈日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deal_signed_on = forms.DateField(label=_("签约日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deal_amount_usd = forms.IntegerField(label=_("签约金额（美元）"), required=False, min_value=0)
    note = forms.CharField(label=_("成果说明"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False)


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("审核意见（退回时必填）"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False)


class MarketFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), required=False)
    side = forms.ChoiceField(label=_("供需"), required=False, choices=[("", _("全部")), *Side.choices])
    region = forms.ChoiceField(label=_("地区"), required=False, choices=[("", _("全部地区")), *[c for c in Continent.choices if c[0] != "other"]], widget=MarkedSelect)
    country = CountryCodeField(label=_("国家(地区)"), required=False, empty_label=_("全部国家(地区)"))
    industry = forms.ChoiceField(label=_("行业"), required=False, widget=MarkedSearchableSelect)
    amount_min = forms.IntegerField(label=_("金额不低于（美元）"), required=False, min_value=0)
    amount_max = forms.IntegerField(label=_("金额不高于（美元）"), required=False, min_value=0)
    q = forms.CharField(label=_("关键词"), required=False, max_length=50)

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("全部类型")), *Kind.choices]
        if region:
            del self.fields["region"]
            self.fields["country"].choices = [("", _("全部国家(地区)")), *host_country_choices(continent=region)]
        self.fields["industry"].choices = [("", _("全部行业")), *[(i.code, f"{i.code} {i.name_zh}") for i in Industry.objects.order_by("code")]]

    def clean(self):
        data = super().clean()
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error("amount_max", _("金额上限不能小于下限"))
        return data

    def filters(self) -> dict:
        """Only the valid filters (an invalid one is ignored and shown as an error)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
        return {k: v for k, v in data.items() if v not in (None, "")}
