"""Password rules: length, 3 of 4 classes, not the user name or mobile, last 5 not reusable, staff expiry."""

from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import PasswordHistory, User
from accounts.roles import DEPT_ADMIN

pytestmark = pytest.mark.django_db


def errors(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return exc.messages
    return []


@pytest.mark.parametrize("password", ["Hunan#2026", "hunan2026!", "HUNAN2026x", "Xiangqi_go"])
def test_three_classes_and_eight_characters_are_enough(password):
    assert errors(password) == []


@pytest.mark.parametrize(("password", "fragment"), [("Hu#2026", "至少"), ("hunan2026", "至少 3 类"), ("HUNANABCDE", "至少 3 类"), ("password", "至少 3 类")])
def test_weak_passwords_are_refused_in_chinese(password, fragment):
    assert any(fragment in m or "太短" in m or "常见" in m for m in errors(password)), errors(password)


def test_password_may_not_be_the_username_or_mobile():
    user = User(username="Abc#12345", mobile="13812345678")
    assert "密码不能与用户名或手机号相同。" in errors("abc#12345", user)
    user = User(username="someone", mobile="13812345678")
    assert errors("13812345678", user)  # also too simple, and identical to the mobile
    assert "密码不能与用户名或手机号相同。" in errors("13812345678", user)


def test_last_five_passwords_cannot_be_reused(make_user):
    user = make_user("zhang")  # password Xiang#2026
    for i in range(1, 5):
        user.set_password(f"Hunan#{i}abc")
        user.save()
    assert "不能使用最近 5 次用过的密码。" in errors("Xiang#2026", user)
    user.set_password("Hunan#5abc")
    user.save()
    assert errors("Xiang#2026", user) == []  # the sixth-last may be used again
    assert PasswordHistory.objects.filter(user=user).count() == 5


def test_password_change_stamps_the_date(make_user):
    user = make_user("zhang")
    assert user.password_changed_at is not None
    assert (timezone.now() - User.objects.get(pk=user.pk).password_changed_at) < timedelta(minutes=1)


def test_hashes_are_argon2_in_production():
    from config import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_expired_staff_password_forces_a_change(client, make_user):
    staff = make_user("dept", role=DEPT_ADMIN)
    User.objects.filter(pk=staff.pk).update(password_changed_at=timezone.now() - timedelta(days=91))
    client.force_login(staff)
    response = client.get("/accounts/me/")
    assert response.status_code == 302 and response.url.startswith("/accounts/password/change/")
    page = client.get(response.url).content.decode()
    assert "密码已过期" in page
    done = client.post("/accounts/password/change/", {"old_password": "Xiang#2026", "new_password1": "Hunan#2027ok", "new_password2": "Hunan#2027ok"})
    assert done.status_code == 302
    assert client.get("/accounts/me/").status_code == 200


def test_fresh_staff_and_old_user_passwords_do_not_expire(client, make_user):
    staff = make_user("dept", role=DEPT_ADMIN)
    client.force_login(staff)
    assert client.get("/accounts/me/").status_code == 200
    user = make_user("plain")
    User.objects.filter(pk=user.pk).update(password_changed_at=timezone.now() - timedelta(days=400))
    client.force_login(user)
    assert client.get("/accounts/me/").status_code == 200


def test_password_set_by_an_administrator_must_be_changed(client, make_user):
    user = make_user("plain")
    User.objects.filter(pk=user.pk).update(must_change_password=True)
    client.force_login(user)
    response = client.get("/accounts/me/")
    assert response.url.startswith("/accounts/password/change/")
    assert "管理员已重置您的密码" in client.get(response.url).content.decode()


def test_password_change_refuses_a_recent_password(client, make_user):
    user = make_user("plain")
    client.force_login(user)
    response = client.post("/accounts/password/change/", {"old_password": "Xiang#2026", "new_password1": "Xiang#2026", "new_password2": "Xiang#2026"})
    assert response.status_code == 200
    assert "不能使用最近 5 次用过的密码" in response.content.decode()
