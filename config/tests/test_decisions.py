"""Final decisions are confirmed before they are made, on pages with decision buttons and on review
forms that choose the decision from a list."""

from django import forms

from config.decisions import ConfirmedDecisionForm


class Review(ConfirmedDecisionForm):
    decision = forms.ChoiceField(choices=[("approve", "通过"), ("return", "退回修改"), ("reject", "不予备案")])
    comment = forms.CharField(required=False)


def test_a_final_decision_needs_the_box_and_says_so_on_it():
    form = Review({"decision": "reject", "comment": "材料不全"})
    assert not form.is_valid()
    assert form.errors["confirm"] == ["“不予备案”后不能撤销，请勾选确认后再提交"]
    assert form["comment"].value() == "材料不全"  # what was typed is kept
    assert Review({"decision": "reject", "confirm": "on"}).is_valid()


def test_other_decisions_need_no_box_and_the_box_comes_last():
    assert Review({"decision": "return"}).is_valid() and Review({"decision": "approve"}).is_valid()
    assert list(Review().fields) == ["decision", "comment", "confirm"]
