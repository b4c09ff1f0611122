"""Production mode: tighten security settings and refuse to start with unsafe values.

Called from the end of ``config.settings`` when ``APP_ENV=production``. Raising
``ImproperlyConfigured`` here stops every entry point (web, worker, manage.py).
"""

from django.core.exceptions import ImproperlyConfigured


def unsafe_values(settings: dict) -> list[str]:
    """Return a Chinese description of each unsafe setting (empty when safe)."""
    problems = []
    if settings["DEBUG"]:
        problems.append("生产环境不得开启 DEBUG（请设置 DEBUG=false）")
    key = settings["SECRET_KEY"]
    if key == settings["DEFAULT_SECRET_KEY"] or len(key) < 50:
        problems.append("SECRET_KEY 未设置或为默认值，须为至少 50 个字符的随机串")
    if not settings["ALLOWED_HOSTS"] or "*" in settings["ALLOWED_HOSTS"]:
        problems.append("ALLOWED_HOSTS 不得为空或为 *，请列出对外域名")
    return problems


def apply_production_settings(settings: dict) -> None:
    problems = unsafe_values(settings)
    if problems:
        raise ImproperlyConfigured("生产配置不安全，拒绝启动：" + "；".join(problems))
    settings.update(
        SECURE_SSL_REDIRECT=True,
        SECURE_HSTS_SECONDS=31536000,
        SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
        SECURE_HSTS_PRELOAD=True,
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    )
