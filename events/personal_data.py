"""A user's event registrations: exported on request, anonymised on cancellation.

Registrations stay (attendance figures of past events are the department's record); the names,
mobile numbers and answers of the attendees the user registered, and the user's note, do not.
"""

ERASED_NAME = "已注销"


def export(user) -> list:
    from events.models import Registration

    registrations = Registration.objects.filter(user=user).select_related("event").prefetch_related("attendees").order_by("-created_at")
    return [
        {
            "event": r.event.title,
            "registered_at": r.created_at.isoformat(),
            "status": r.get_status_display(),
            "note": r.note,
            "attendees": [{"name": a.name, "mobile": a.mobile, "answers": a.answers} for a in r.attendees.all()],
        }
        for r in registrations
    ]


def erase(user):
    from events.models import Attendee, Registration

    Attendee.objects.filter(registration__user=user).update(name=ERASED_NAME, mobile="", answers={})
    Registration.objects.filter(user=user).update(note="")
