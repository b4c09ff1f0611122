"""The asker's personal data in consultation: exported on request, anonymised on cancellation.

An enquiry is a record the department keeps (response-time statistics, the FAQ), so it stays,
without the asker: name, mobile and account link are removed, a private question's text and its
attachments are deleted. A question published to the FAQ was already shown without the asker's
identity and keeps its text.
"""

from django.db.models import Q

ERASED_NAME = "已注销用户"
ERASED_BODY = "（提问人已注销账号，问题内容已删除）"


def _enquiries_of(user):
    from consultation.models import Enquiry

    mine = Q(asker=user)
    if user.mobile:
        mine |= Q(asker__isnull=True, mobile=user.mobile)  # asked before signing up, with the same verified mobile
    return Enquiry.objects.filter(mine)


def export(user) -> list:
    return [
        {
            "asked_at": e.created_at.isoformat(),
            "category": e.get_category_display(),
            "subject": e.subject,
            "question": e.body,
            "name": e.asker_name,
            "mobile": e.mobile,
            "status": e.get_status_display(),
        }
        for e in _enquiries_of(user).order_by("-created_at")
    ]


def erase(user):
    from consultation.models import Attachment

    enquiries = list(_enquiries_of(user))
    for attachment in Attachment.objects.filter(enquiry__in=enquiries):
        attachment.file.delete(save=False)
        attachment.delete()
    for enquiry in enquiries:
        enquiry.asker, enquiry.asker_name, enquiry.mobile = None, ERASED_NAME, ""
        if not enquiry.in_faq:
            enquiry.body = ERASED_BODY
        enquiry.save(update_fields=["asker", "asker_name", "mobile", "body"])
