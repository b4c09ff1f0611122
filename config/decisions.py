"""Irreversible decisions are confirmed before they are made.

A review page shows a final decision (准予备案, 不予备案, rejecting, cancelling an event, publishing
results) with ``templates/components/decision_button.html``, which puts a required "我已核对，确认…"
checkbox before the button. The browser refuses to submit without it; ``unconfirmed`` refuses a post
that skipped it anyway (an old page, a script), so nothing changes without the reviewer's say.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

CONFIRM_FIELD = "confirm"


def unconfirmed(request, label) -> bool:
    """True, with an error message for the user, when ``request`` does not confirm the decision ``label``."""
    if request.POST.get(CONFIRM_FIELD) == "1":
        return False
    messages.error(request, _("“%(action)s”后不能撤销，请勾选确认后再提交") % {"action": label})
    return True
