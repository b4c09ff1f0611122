from notifications.tests.conftest import recording_sms  # noqa: F401 - the SMS gateway double, shared
