from django.urls import path

from accounts.views import auth, centre, certification, privacy, registration

app_name = "accounts"

urlpatterns = [
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("captcha/", auth.captcha_image, name="captcha"),
    path("sms/send/", auth.send_code, name="sms_send"),
    path("password/reset/", auth.password_reset, name="password_reset"),
    path("password/change/", auth.password_change, name="password_change"),
    path("2fa/setup/", auth.two_factor_setup, name="2fa_setup"),
    path("2fa/verify/", auth.two_factor_verify, name="2fa_verify"),
    path("register/", registration.register_view, name="register"),
    path("email/verify/<str:token>/", registration.verify_email, name="verify_email"),
    path("invitations/<str:token>/", registration.invitation_view, name="invitation"),
    path("privacy/", privacy.policy, name="privacy"),
    path("privacy/consent/", privacy.consent, name="privacy_consent"),
    path("privacy/v/<str:version>/", privacy.policy, name="privacy_version"),
    path("me/", centre.profile, name="profile"),
    path("me/email/resend/", centre.resend_verification, name="resend_verification"),
    path("me/mobile/", centre.change_mobile, name="change_mobile"),
    path("me/security/", centre.security, name="security"),
    path("me/security/sessions/end/", centre.end_sessions, name="end_sessions"),
    path("me/organization/", centre.organization, name="organization"),
    path("me/members/", centre.members, name="members"),
    path("me/members/<int:pk>/<str:action>/", centre.member_action, name="member_action"),
    path("me/invitations/<int:pk>/revoke/", centre.revoke_invitation, name="revoke_invitation"),
    path("me/data/", centre.my_data, name="my_data"),
    path("me/data/download/", centre.download_data, name="download_data"),
    path("me/cancel/", centre.cancel, name="cancel"),
    path("certifications/", certification.queue, name="certification_queue"),
    path("certifications/<int:pk>/", certification.detail, name="certification_detail"),
    path("certifications/<int:pk>/licence/", certification.licence, name="certification_licence"),
]
