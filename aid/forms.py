from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    dataset = forms.ChoiceField(label=_("数据集"), choices=[("projects", _("援外项目")), ("trainees", _("援外培训学员"))])
    file = forms.FileField(label=_("Excel 文件（.xlsx）"), help_text=_("第一行为表头，请使用模板；再次导入同一文件会更新已有记录，不会重复。"))
    skip_invalid = forms.BooleanField(label=_("文件有错误行时，仅导入有效行"), required=False)
