from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.mobile import normalize_mobile, validate_mobile
from events.models import AskedField, Event
from taxonomy.forms import CountryMultipleChoiceField
from taxonomy.models import Industry
from taxonomy.widgets import SearchableSelectMultiple

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    asked_fields = forms.MultipleChoiceField(label=_("报名时还需填写"), choices=AskedField.choices, required=False, widget=forms.CheckboxSelectMultiple,
                                             help_text=_("姓名和手机号总是必填"))

    class Meta:
        model = Event
        fields = [
            "title", "summary", "kind", "organizer_name", "city", "overseas_location", "sino_africa", "countries", "industries",
            "starts_at", "ends_at", "venue", "online_url", "contact_name", "contact_phone", "contact_email",
            "capacity", "max_attendees_per_registration", "registration_opens_at", "registration_closes_at", "needs_approval",
            "asked_fields", "body", "agenda", "recap",
        ]
        field_classes = {"countries": CountryMultipleChoiceField}
        widgets = {
            "starts_at": DATETIME, "ends_at": DATETIME, "registration_opens_at": DATETIME, "registration_closes_at": DATETIME,
            "body": forms.Textarea(attrs={"rows": 8}), "agenda": forms.Textarea(attrs={"rows": 6}), "recap": forms.Textarea(attrs={"rows": 4}),
            "industries": SearchableSelectMultiple,
        }

    def __init__(self, *args, organizer_org=None, fixed_city=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_city:
            self.fields["city"].choices = [c for c in self.fields["city"].choices if c[0] == fixed_city]
            self.fields["city"].help_text = gettext("市州商务局发布本市州的活动")
        self.fields["industries"].queryset = Industry.objects.order_by("code")
        self.fields["organizer_name"].required = organizer_org is None
        if organizer_org is not None:
            self.fields["organizer_name"].help_text = gettext("留空则显示为“%(name)s”") % {"name": organizer_org.name}

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if start and end and end <= start:
            self.add_error("ends_at", gettext("结束时间必须晚于开始时间"))
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", gettext("报名截止时间必须晚于报名开始时间"))
        if closes and end and closes > end:
            self.add_error("registration_closes_at", gettext("报名截止时间不能晚于活动结束时间"))
        if not data.get("venue") and not data.get("online_url"):
            self.add_error("venue", gettext("请填写举办地点或线上参与链接（至少一项）"))
        if data.get("capacity") == 0:
            self.add_error("capacity", gettext("名额须大于 0；不限名额请留空"))
        if data.get("max_attendees_per_registration") == 0:
            self.add_error("max_attendees_per_registration", gettext("每单位至少可报名 1 人"))
        return data


class AttendeeForm(forms.Form):
    name = forms.CharField(label=_("参会人姓名"), max_length=50)
    mobile = forms.CharField(label=_("手机号"), max_length=20)

    def __init__(self, *args, asked=(), **kwargs):
        super().__init__(*args, **kwargs)
        for code in asked:
            label = dict(AskedField.choices).get(code)
            if label:
                field = forms.EmailField if code == AskedField.EMAIL else forms.CharField
                self.fields[code] = field(label=label, max_length=200, required=False)
        self.asked = [c for c in asked if c in self.fields]

    def clean_mobile(self):
        mobile = normalize_mobile(self.cleaned_data["mobile"])
        validate_mobile(mobile)
        return mobile

    def attendee(self):
        data = self.cleaned_data
        return {"name": data["name"], "mobile": data["mobile"], "answers": {c: data[c] for c in self.asked if data.get(c)}}


class BaseAttendeeFormSet(forms.BaseFormSet):
    def attendees(self):
        return [f.attendee() for f in self.forms if getattr(f, "cleaned_data", None) and f.cleaned_data.get("name")]


def attendee_formset(event, *, limit, data=None, initial=None):
    """``limit`` rows of attendees; the first is required (prefilled with the user), blank ones are ignored."""
    cls = forms.formset_factory(AttendeeForm, formset=BaseAttendeeFormSet, extra=max(limit - 1, 0), max_num=limit, min_num=1,
                                validate_min=True, validate_max=True)
    return cls(data=data, prefix="att", form_kwargs={"asked": event.asked_fields}, initial=initial)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("备注（可选）"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class NotifyForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=100)
    body = forms.CharField(label=_("内容"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4}))
    include_waitlist = forms.BooleanField(label=_("同时通知候补人员"), required=False)


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("入场码"), max_length=8, widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}))
