"""The texts of the SMS the platform sends: in Chinese, whatever the language of the page.

They go to mainland mobile numbers through gateways that send only pre-approved Chinese
templates signed 【湘企出海+】 (``accounts.sms``): a code is sent as the template ``code`` with its
parameters, a notice as the ``content`` of the notice template. These texts are the approved
wording, and what the development backend shows.
"""

# What a verification code is for, by ``SmsPurpose`` value.
PURPOSE_TEXT = {
    "register": "注册",
    "login": "登录",
    "reset": "找回密码",
    "change_mobile": "更换手机号",
    "consultation": "咨询",
}

REGISTERED_NOTICE = "【湘企出海+】该手机号已注册平台账号，可直接登录；如忘记密码，请使用“找回密码”。如非本人操作请忽略。"


def code_text(purpose: str, code: str, minutes: int) -> str:
    return f"【湘企出海+】您的{PURPOSE_TEXT[purpose]}验证码为 {code}，{minutes} 分钟内有效。请勿泄露给他人。"


def invitation_text(inviter: str, organization: str, days: int, link: str) -> str:
    return f"【湘企出海+】{inviter}邀请您加入“{organization}”，{days} 天内有效：{link}"
