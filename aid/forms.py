from django import forms


class ImportForm(forms.Form):
    dataset = forms.ChoiceField(label="数据集", choices=[("projects", "援外项目"), ("trainees", "援外培训学员")])
    file = forms.FileField(label="Excel 文件（.xlsx）", help_text="第一行为表头，请使用模板；再次导入同一文件会更新已有记录，不会重复。")
    skip_invalid = forms.BooleanField(label="文件有错误行时，仅导入有效行", required=False)
