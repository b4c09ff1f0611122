"""The shared form component (templates/components/form.html): errors summarised at the top, input kept."""

from django import forms
from django.template.loader import render_to_string


class ExampleForm(forms.Form):
    name = forms.CharField(label="企业名称", max_length=10)
    amount = forms.DecimalField(label="投资金额")
    note = forms.CharField(label="备注", required=False)

    def clean(self):
        data = super().clean()
        if data.get("note") == "冲突":
            raise forms.ValidationError("备注与金额不一致")
        return data


def render(form):
    return render_to_string("components/form.html", {"form": form})


def test_a_form_with_errors_lists_each_error_at_the_top_linking_to_its_field():
    form = ExampleForm(data={"name": "湖南示范工程机械有限公司长沙分公司", "amount": "很多", "note": "冲突"})
    assert not form.is_valid()
    html = render(form)
    summary = html.split('data-error-summary', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_name"' in summary and "企业名称" in summary
    assert 'href="#id_amount"' in summary and "投资金额" in summary
    assert 'role="alert"' in html and 'tabindex="-1"' in html
    # What the user typed is still in the fields.
    assert 'value="湖南示范工程机械有限公司长沙分公司"' in html
    assert 'value="很多"' in html
    assert 'aria-invalid="true"' in html


def test_a_valid_or_unbound_form_has_no_error_summary():
    assert "data-error-summary" not in render(ExampleForm())
    form = ExampleForm(data={"name": "湘企", "amount": "12.5"})
    assert form.is_valid()
    assert "data-error-summary" not in render(form)
