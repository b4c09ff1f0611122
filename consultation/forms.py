
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from consultation.models import Category, Event
from taxonomy.cities import City
from taxonomy.forms import CountryChoiceField
from taxonomy.widgets import MarkedSelect
from uploads.checking import check_uploads


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to 5 files, each checked for extension, size and a matching file signature."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        check_uploads(
            files, allowed=settings.CONSULTATION_ATTACHMENT_EXTENSIONS, max_mb=settings.CONSULTATION_ATTACHMENT_MAX_MB, max_files=5
        )
        return files


class AskForm(forms.Form):
    category = forms.ChoiceField(label=_("咨询类别"), choices=Category.choices)
    subject = forms.CharField(label=_("标题"), max_length=120)
    body = forms.CharField(label=_("问题描述"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    asker_name = forms.CharField(label=_("称呼"), max_length=50)
    city = forms.ChoiceField(label=_("相关市州（可选）"), choices=[("", pgettext_lazy("no filter", "不限")), *City.choices], required=False, widget=MarkedSelect)
    country = CountryChoiceField(label=_("相关国家（可选）"), required=False, empty_label=pgettext_lazy("no filter", "不限"))
    attachments = AttachmentsField(label=_("附件（可选）"), required=False, help_text=_("最多 5 个，支持 PDF、图片、Word、Excel"))
    page = forms.IntegerField(widget=forms.HiddenInput, required=False)
    expert = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MobileForm(forms.Form):
    mobile = forms.CharField(label=_("手机号"), max_length=11)
    code = forms.CharField(label=_("短信验证码"), max_length=6, required=False)


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 5}))
    public = forms.BooleanField(label=_("公开答复（发布到常见问题，隐藏提问人信息）"), required=False)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("内部备注（仅工作人员可见）"), widget=forms.Textarea(attrs={"rows": 3}))


class OfflineForm(forms.Form):
    offline_kind = forms.ChoiceField(label=_("跟进方式"), choices=Event.Offline.choices)
    counterpart = forms.CharField(label=_("对接网点/机构"), max_length=200, required=False)
    body = forms.CharField(label=_("跟进情况"), widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.CharField(label=_("结果"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReassignForm(forms.Form):
    group = forms.ModelChoiceField(label=_("受理组"), queryset=None, required=False, widget=MarkedSelect)
    assignee = forms.ModelChoiceField(label=_("承办人"), queryset=None, required=False, widget=MarkedSelect)
    reason = forms.CharField(label=_("改派说明"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.order_by("name")
        self.fields["assignee"].queryset = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("满意度"), coerce=int, choices=[(5, _("5 分 非常满意")), (4, _("4 分 满意")), (3, _("3 分 一般")), (2, _("2 分 不满意")), (1, _("1 分 很不满意"))])
    comment = forms.CharField(label=_("评价（可选）"), max_length=500, required=False)


class FollowUpForm(forms.Form):
    body = forms.CharField(label=_("追问"), widget=forms.Textarea(attrs={"rows": 3}))
