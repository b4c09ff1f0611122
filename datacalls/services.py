"""State changes of data calls and submissions: each checks permission and state, writes the
audit entry and sends notifications through ``notifications.services``."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import bureau_city_of
from audit.services import log
from datacalls.forms import to_json
from datacalls.models import Audience, CallStatus, DataCall, Reminder, Submission, SubmissionFile, SubmissionStatus
from datacalls.selectors import can_edit_call, can_fill, can_publish, target_orgs
from notifications.services import notify


def _members(org_ids):
    return list(User.objects.filter(organization_id__in=list(org_ids), is_active=True))


def save_call(form, formset, *, by, request=None) -> DataCall:
    """Create or update a draft call from the editor (``CallForm`` + ``FieldFormSet``, both valid)."""
    call = form.instance
    if not can_publish(by) or (call.pk and not can_edit_call(by, call)):
        raise PermissionDenied(_("您无权编辑该数据报送"))
    if call.pk and call.status != CallStatus.DRAFT:
        raise ValidationError(_("已发布的数据报送不能再修改字段，只能延长截止时间或结束"))
    with transaction.atomic():
        created = call.pk is None
        if created:
            call.created_by = by
            call.owner_city = bureau_city_of(by) or ""
        call = form.save()
        call.audience_orgs.set(form.listed_orgs if call.audience == Audience.LIST else [])
        formset.instance = call
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        order = 0
        for f in formset.forms:
            if f in formset.deleted_forms or not (f.instance.pk or f.has_changed()):
                continue
            f.instance.call = call
            f.instance.sort_order = order
            f.instance.save()
            order += 1
    log("datacalls.create" if created else "datacalls.edit", actor=by, request=request, target=call)
    return call


def publish(call, *, by, request=None) -> int:
    """Open ``call`` to its audience and tell every member of every target organisation."""
    if not can_edit_call(by, call):
        raise PermissionDenied(_("您无权发布该数据报送"))
    if call.status != CallStatus.DRAFT:
        raise ValidationError(_("该数据报送已发布"))
    if not call.form_fields.exists():
        raise ValidationError(_("请先添加至少一个填报字段"))
    if call.closes_at <= timezone.now():
        raise ValidationError(_("截止时间已过，请先修改截止时间"))
    orgs = list(target_orgs(call).values_list("pk", flat=True))
    if not orgs:
        raise ValidationError(_("按当前设置没有任何报送对象企业，请调整报送对象"))
    call.status, call.published_at = CallStatus.PUBLISHED, timezone.now()
    call.save(update_fields=["status", "published_at"])
    log("datacalls.publish", actor=by, request=request, target=call, detail={"targets": len(orgs)})
    deadline = timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M")
    notify(_members(orgs), kind="filing.datacall_published", title=_("数据报送：%(title)s") % {"title": call.title},
           body=_("%(publisher)s发起了数据报送，请于 %(deadline)s 前在线填报。") % {"publisher": call.publisher, "deadline": deadline},
           url=reverse("datacalls:fill", args=[call.pk]))
    return len(orgs)


def extend(call, *, closes_at, by, request=None):
    if not can_edit_call(by, call):
        raise PermissionDenied(_("您无权修改该数据报送"))
    if closes_at <= call.opens_at:
        raise ValidationError(_("截止时间必须晚于开始时间"))
    old = call.closes_at
    call.closes_at = closes_at
    if call.status == CallStatus.CLOSED and closes_at > timezone.now():
        call.status = CallStatus.PUBLISHED
    call.save(update_fields=["closes_at", "status"])
    # Deadline moved: reminders of the old deadline no longer count.
    Reminder.objects.filter(call=call).delete()
    log("datacalls.extend", actor=by, request=request, target=call, detail={"from": str(old), "to": str(closes_at)})


def close(call, *, by, request=None):
    """End ``call``: no more changes or late submissions."""
    if not can_edit_call(by, call):
        raise PermissionDenied(_("您无权结束该数据报送"))
    if call.status != CallStatus.PUBLISHED:
        raise ValidationError(_("只有进行中的数据报送可以结束"))
    call.status = CallStatus.CLOSED
    call.save(update_fields=["status"])
    log("datacalls.close", actor=by, request=request, target=call)


def save_submission(call, org, form, *, by, submit: bool, request=None) -> Submission:
    """Store the answers of ``form`` (valid) as ``org``'s submission of ``call``; ``submit`` hands it in.

    One submission per organisation: a second save updates it. Files replace earlier files of
    the same field (the earlier file leaves storage once the change is committed); a file field
    left empty keeps the earlier upload.
    """
    with transaction.atomic():
        submission, _created = Submission.objects.select_for_update().get_or_create(call=call, organization=org)
        allowed, reason = can_fill(org, call, submission)
        if not allowed:
            raise ValidationError(reason)
        data = dict(submission.data)
        for field in form.call_fields:
            value = form.cleaned_data.get(field.clean_name)
            if field.field_type == "file":
                if value:
                    for replaced in submission.files.filter(field_name=field.clean_name):
                        transaction.on_commit(lambda f=replaced.file: f.delete(save=False))
                        replaced.delete()
                    stored = SubmissionFile.objects.create(submission=submission, field_name=field.clean_name, file=value,
                                                           original_name=value.name[:255], size=value.size)
                    data[field.clean_name] = {"name": stored.original_name, "file_id": stored.pk, "size": stored.size}
                continue
            data[field.clean_name] = to_json(value) if value not in (None, "") else ("" if not isinstance(value, list) else [])
        submission.data = data
        now = timezone.now()
        if submit:
            submission.status = SubmissionStatus.SUBMITTED
            submission.submitted_at = now
            submission.submitted_by = by
            submission.late = call.is_past_deadline(now)
        submission.save()
    action = "datacalls.submit" if submit else "datacalls.save_draft"
    log(action, actor=by, request=request, target=submission, detail={"late": submission.late} if submit else {})
    if submit and call.created_by_id:
        notify([call.created_by], kind="filing.datacall_submitted", title=_("%(org)s 已提交“%(title)s”") % {"org": org.name, "title": call.title},
               url=reverse("datacalls:results", args=[call.pk]))
    return submission


def set_locked(submission, *, locked: bool, by, request=None):
    if not can_edit_call(by, submission.call):
        raise PermissionDenied(_("只有发布单位可以锁定或解锁报送记录"))
    submission.locked = locked
    submission.save(update_fields=["locked", "updated_at"])
    log("datacalls.lock" if locked else "datacalls.unlock", actor=by, request=request, target=submission)
    if not locked:
        notify(_members([submission.organization_id]), kind="filing.datacall_unlocked", title=_("“%(title)s”已开放修改") % {"title": submission.call.title},
               body=_("发布单位已解锁您的报送记录，请修改后重新提交。"), url=reverse("datacalls:fill", args=[submission.call_id]))


def _not_submitted(call):
    done = Submission.objects.filter(call=call, status=SubmissionStatus.SUBMITTED).values("organization_id")
    return target_orgs(call).exclude(pk__in=done)


def remind_now(call, *, by, request=None, org_scope=None) -> int:
    """Staff reminder to every target (within ``org_scope``) that has not submitted yet."""
    if call.status != CallStatus.PUBLISHED:
        raise ValidationError(_("只有进行中的数据报送可以发送提醒"))
    orgs = _not_submitted(call)
    if org_scope is not None:
        orgs = orgs.filter(org_scope)
    ids = list(orgs.values_list("pk", flat=True))
    deadline = timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M")
    notify(_members(ids), kind="filing.datacall_reminder", title=_("请尽快填报：%(title)s") % {"title": call.title},
           body=_("截止时间 %(deadline)s，贵单位尚未提交。") % {"deadline": deadline}, url=reverse("datacalls:fill", args=[call.pk]))
    log("datacalls.remind", actor=by, request=request, target=call, detail={"organizations": len(ids)})
    return len(ids)


def send_due_reminders(now=None) -> dict:
    """Periodic: remind targets that have not submitted ``remind_days`` before the deadline, and
    once more after the deadline (calls that accept late submissions). Each (call, organisation,
    kind) is reminded at most once, so the job can run any number of times."""
    now = now or timezone.now()
    counts = {"due_soon": 0, "overdue": 0}
    for call in DataCall.objects.filter(status=CallStatus.PUBLISHED, opens_at__lte=now):
        if call.is_past_deadline(now):
            if not call.accept_late:
                continue
            kind, title = Reminder.Kind.OVERDUE, _("已逾期：%(title)s") % {"title": call.title}
            body = _("该报送已过截止时间，贵单位尚未提交，请尽快补报（将标记为逾期提交）。")
        elif call.closes_at - now <= timedelta(days=call.remind_days):
            kind, title = Reminder.Kind.DUE_SOON, _("即将截止：%(title)s") % {"title": call.title}
            body = _("该报送将于 %(deadline)s 截止，贵单位尚未提交。") % {"deadline": timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M")}
        else:
            continue
        already = Reminder.objects.filter(call=call, kind=kind).values("organization_id")
        ids = list(_not_submitted(call).exclude(pk__in=already).values_list("pk", flat=True))
        if not ids:
            continue
        Reminder.objects.bulk_create([Reminder(call=call, organization_id=i, kind=kind) for i in ids], ignore_conflicts=True)
        notify(_members(ids), kind=f"filing.datacall_{kind}", title=title, body=body, url=reverse("datacalls:fill", args=[call.pk]))
        counts[kind] += len(ids)
    return counts


def record_export(call, *, by, request=None, rows: int):
    log("datacalls.export", actor=by, request=request, target=call, detail={"rows": rows})
