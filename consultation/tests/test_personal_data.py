"""Cancelling an account anonymises the person's enquiries; downloading one's data includes them."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts import personal_data
from accounts.services.account import cancel_account
from consultation import services
from consultation.models import Attachment, Category, Enquiry

pytestmark = pytest.mark.django_db


def test_cancellation_anonymises_enquiries_and_deletes_private_text_and_files(make_user, groups):
    user = make_user("liu", mobile="13912340000")
    private = services.ask(
        asker=user, asker_name="刘经理", category=Category.INVESTMENT, subject="在越南设厂", body="我叫刘某，电话13912340000",
        files=[SimpleUploadedFile("营业执照.pdf", b"%PDF-1.4 test")],
    )
    public = services.ask(asker=user, asker_name="刘经理", category=Category.POLICY, subject="税收协定", body="如何享受协定待遇？")
    Enquiry.objects.filter(pk=public.pk).update(in_faq=True)
    before_signup = services.ask(mobile="13912340000", asker_name="刘先生", category=Category.LABOUR, subject="外派", body="劳务人员保险")
    stored = Attachment.objects.get(enquiry=private)
    path = stored.file.path

    assert {e["subject"] for e in personal_data.export(user)["consultation"]} == {"在越南设厂", "税收协定", "外派"}
    cancel_account(user)

    for enquiry in Enquiry.objects.filter(pk__in=[private.pk, public.pk, before_signup.pk]):
        assert enquiry.asker_id is None and enquiry.asker_name == "已注销用户" and enquiry.mobile == ""
    assert Enquiry.objects.get(pk=private.pk).body.startswith("（提问人已注销账号")
    assert Enquiry.objects.get(pk=public.pk).body == "如何享受协定待遇？"  # already public, without the asker
    assert not Attachment.objects.filter(enquiry=private).exists()
    assert not os.path.exists(path)
    assert not Enquiry.objects.filter(body__contains="13912340000").exists()
