"""TOTP two-factor authentication for staff (django-otp): enrolment and verification."""

import segno
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "身份验证器"


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (created on first call)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg_data_uri(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG QR code (no external service, CSP-safe data: URI)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5)


def secret_base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode()


def confirm_device(request, device: TOTPDevice, token: str) -> bool:
    """Confirm an enrolment with a first code; on success the session counts as verified."""
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def verify(request, token: str) -> bool:
    """Check ``token`` against the user's confirmed devices; on success mark the session verified."""
    for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            return True
    return False


def reset_devices(user) -> int:
    """Remove a user's TOTP devices (security administrator, lost phone); they enrol again at next login."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    return count
