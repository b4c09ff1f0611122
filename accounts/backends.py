"""Sign in with the user name or the mobile number, both with the same password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from accounts.mobile import is_mainland_mobile

BACKEND_PATH = "accounts.backends.UsernameOrMobileBackend"


def find_user(identifier: str):
    """The active or inactive user named ``identifier`` (user name, or mobile number), or None."""
    User = get_user_model()
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    if is_mainland_mobile(identifier):
        user = User._default_manager.filter(mobile=identifier).first()
        if user is not None:
            return user
    return User._default_manager.filter(username=identifier).first()


class UsernameOrMobileBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = find_user(username)
        if user is None:
            # Spend the same time hashing as for a real account, so timing does not reveal existence.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
