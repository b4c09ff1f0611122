"""The search form: query, filters and sort, validated with messages in the page's language."""


from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from search import registry
from taxonomy.cities import City
from taxonomy.forms import CountryCodeField
from taxonomy.models import Industry
from taxonomy.widgets import MarkedSelect

SORTS = [("relevance", _("按相关度")), ("date", _("按时间"))]




class SearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), max_length=200, required=False, error_messages={"max_length": _("关键词太长了，请不要超过 200 个字。")})
    kind = forms.ChoiceField(label=_("类型"), required=False)
    column = forms.CharField(label=_("栏目"), max_length=100, required=False)
    country = CountryCodeField(label=_("国家(地区)"), required=False, empty_label=_("全部国家(地区)"))
    industry = forms.ChoiceField(label=_("行业"), required=False, widget=MarkedSelect)
    city = forms.ChoiceField(label=_("市州"), required=False, choices=[("", _("全部市州")), *City.choices], widget=MarkedSelect)
    date_from = forms.DateField(label=_("起始日期"), required=False, error_messages={"invalid": _("起始日期格式不对，请按 2024-01-31 的格式填写。")})
    date_to = forms.DateField(label=_("截止日期"), required=False, error_messages={"invalid": _("截止日期格式不对，请按 2024-12-31 的格式填写。")})
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=SORTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", gettext("全部类型")), *registry.labels().items()]
        self.fields["industry"].choices = [("", gettext("全部行业")), *Industry.objects.values_list("code", "name_zh")]
        for name in ("kind", "country", "industry", "city"):
            self.fields[name].error_messages["invalid_choice"] = gettext("没有这个%(label)s选项，请重新选择。") % {"label": self.fields[name].label}

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", gettext("截止日期不能早于起始日期。"))
        return data
