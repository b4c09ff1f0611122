"""Irreversible decisions are confirmed before they are made.

A review page shows a final decision (准予备案, 不予备案, rejecting, cancelling an event, publishing
results) with ``templates/components/decision_button.html``, which puts a required "我已核对，确认…"
checkbox before the button. The browser refuses to submit without it; ``unconfirmed`` refuses a post
that skipped it anyway (an old page, a script), so nothing changes without the reviewer's say.
Review forms that choose the decision from a list (certification, labour filings, overseas
institutions) use ``ConfirmedDecisionForm`` instead.
"""

from django import forms
from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CONFIRM_FIELD = "confirm"


def unconfirmed(request, label) -> bool:
    """True, with an error message for the user, when ``request`` does not confirm the decision ``label``."""
    if request.POST.get(CONFIRM_FIELD) == "1":
        return False
    messages.error(request, _("“%(action)s”后不能撤销，请勾选确认后再提交") % {"action": label})
    return True


class ConfirmedDecisionForm(forms.Form):
    """A review form with a ``decision`` choice: the decisions in ``FINAL_DECISIONS`` (不予备案,
    不通过, 同意备案…) need the ``confirm`` box ticked, which comes last in the form; without it the
    form is invalid, says why on the box, and keeps what the reviewer typed."""

    FINAL_DECISIONS: tuple[str, ...] = ("reject",)
    confirm = forms.BooleanField(label=gettext_lazy("我已核对，确认提交的审核结论（不通过、不予备案等最终决定不可撤销）"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields([name for name in self.fields if name != CONFIRM_FIELD])

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision in self.FINAL_DECISIONS and not data.get(CONFIRM_FIELD):
            label = dict(self.fields["decision"].choices).get(decision, decision)
            self.add_error(CONFIRM_FIELD, _("“%(action)s”后不能撤销，请勾选确认后再提交") % {"action": label})
        return data
