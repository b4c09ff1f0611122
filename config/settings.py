"""Settings for 湘企出海+, read from the environment in this one module.

Every value has a default that runs on a developer's machine with nothing installed
(SQLite, local-memory cache, database-backed tasks, console e-mail and SMS).
Setting ``APP_ENV=production`` switches on the production checks in
``config/production.py``, which refuse to start with unsafe values.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

APP_ENV = env.str("APP_ENV", default="development")
PRODUCTION = APP_ENV == "production"

DEFAULT_SECRET_KEY = "dev-insecure-secret-key-change-me"
SECRET_KEY = env.str("SECRET_KEY", default=DEFAULT_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["*"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL

# ---------------------------------------------------------------------------
# Applications: one per capability (README "Architecture").
# ---------------------------------------------------------------------------
PLATFORM_APPS = [
    # foundation (issue 2)
    "taxonomy",
    "background",
    "uploads",
    "portal",
    "demo",
    "workbench",
    # accounts and security (issue 3)
    "accounts",
    "audit",
    # search (issue 4)
    "search",
    # notifications, consultation, experts (issue 5)
    "notifications",
    # --- issue 5 apps ---
    "consultation",
    "experts",
    # government services (issue 6)
    # --- issue 6 apps ---
    "archive",
    "guides",
    "labour",
    "zones",
    "aid",
    "overseas",
    "filings",
    "stats",
    "datacalls",
    # matchmaking, directory, rating (issue 7)
    # --- issue 7 apps ---
    "matching",
    "rating",
    "directory",
    "consortia",
    "events",
    # production operations (issue 21)
    "operations",
]

INSTALLED_APPS = [
    *PLATFORM_APPS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks_db",
    "django_htmx",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "oauth2_provider",
]

MIDDLEWARE = [
    "operations.probes.ProbeMiddleware",  # /healthz, /readyz, /metrics: before the host check, HTTPS redirect and sessions
    "operations.request_id.RequestIdMiddleware",  # one id per request in every log line (X-Request-ID)
    "django.middleware.security.SecurityMiddleware",
    "config.csp.PublicSiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.site_lookup.SiteLookupMiddleware",  # after CommonMiddleware has checked ALLOWED_HOSTS
    "config.url_ids.UrlIdRangeMiddleware",  # an id beyond 64 bits in a URL: 404 before the view queries with it
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.query_limits.QueryLimitsMiddleware",  # a NUL or a huge search text: a 400 page, before any view reads it
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AccountSecurityMiddleware",
    "audit.middleware.AdminChangeAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.csp.SameOriginFramingMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_chrome",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Storage: SQLite embedded by default, PostgreSQL when DATABASE_URL says so.
# ---------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the web process and a task worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Wagtail's search index uses PostgreSQL's own field types there; Django's checks need the app.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="xqch"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background work: Django's task framework with the database backend, so no extra
# server is needed; several `manage.py run_worker` processes may share one database.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "notifications", "search"],
    }
}

# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workbench:home"  # after sign-in without ?next=: 我的工作台, for every role
LOGOUT_REDIRECT_URL = "/"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
SMS_BACKEND = env.str("SMS_BACKEND", default="accounts.sms.ConsoleOutboxBackend")
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=30 * 60)

# ---------------------------------------------------------------------------
# E-mail: console by default, SMTP through EMAIL_URL (smtp://user:pass@host:port).
# ---------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
_smtp = _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {
            "host": _email.get("EMAIL_HOST") or "localhost",
            "port": _email.get("EMAIL_PORT") or 25,
            "username": _email.get("EMAIL_HOST_USER") or "",
            "password": _email.get("EMAIL_HOST_PASSWORD") or "",
            "use_tls": bool(_email.get("EMAIL_USE_TLS")),
            "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
            "timeout": env.int("EMAIL_TIMEOUT", default=15),
        }
        if _smtp
        else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="湘企出海+ <noreply@xqch.example.cn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------------
# Language and time: Simplified Chinese by default, English available.
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]  # amounts grouped by thousands in Chinese too
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
# Passwords are set by an administrator only in the Django admin (/django-admin/), where the
# separation of duties is checked, the change audited and the user made to choose a new one.
WAGTAILUSERS_PASSWORD_ENABLED = False

# ---------------------------------------------------------------------------
# Static and uploaded files
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))  # public: Wagtail images and documents only
# What enterprises and people upload (licences, filing, enquiry, data-call and listing files):
# outside MEDIA_ROOT, no URL, sent only by permission-checked views (uploads/storage.py).
PRIVATE_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
# Where licences and listing attachments were kept before PRIVATE_ROOT; read only by the
# data migrations that move old files into it (`*_private_uploads`).
LEGACY_UPLOAD_ROOTS = {
    "accounts": Path(env.str("ACCOUNTS_PRIVATE_ROOT", default=str(BASE_DIR / "var" / "private"))),
    "matching": Path(env.str("MATCHING_ATTACHMENT_ROOT", default=str(BASE_DIR / "var" / "private" / "matching"))),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# ---------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "湘企出海+"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "txt", "csv"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}  # Wagtail's database backend, quotes escaped on SQLite
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# ---------------------------------------------------------------------------
# Security headers (production tightens these in config/production.py)
# ---------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"  # admin and documents: SAMEORIGIN (config/csp.py)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"  # Chinese, in the site's layout, with a way back
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# ---------------------------------------------------------------------------
# The site's footer: the fields a Chinese government site carries (GB/T 39735-style).
# ---------------------------------------------------------------------------
SITE_SPONSOR = env.str("SITE_SPONSOR", default="湖南省商务厅")
SITE_OPERATOR = env.str("SITE_OPERATOR", default="中国建设银行湖南省分行")
SITE_ICP_NUMBER = env.str("SITE_ICP_NUMBER", default="湘ICP备00000000号")
SITE_PSB_NUMBER = env.str("SITE_PSB_NUMBER", default="湘公网安备 43010000000000号")
SITE_IDENTIFIER = env.str("SITE_IDENTIFIER", default="4300000000")
SITE_CONTACT = env.str("SITE_CONTACT", default="0731-00000000")

# Background tasks: retry and crash recovery (background/worker.py).
BACKGROUND_MAX_ATTEMPTS = env.int("BACKGROUND_MAX_ATTEMPTS", default=5)
BACKGROUND_RETRY_BASE_SECONDS = env.int("BACKGROUND_RETRY_BASE_SECONDS", default=10)
BACKGROUND_LEASE_SECONDS = env.int("BACKGROUND_LEASE_SECONDS", default=15 * 60)

# --- filings settings ---
FILINGS_INVESTMENT_THRESHOLD_USD = env.int("FILINGS_INVESTMENT_THRESHOLD_USD", default=1_000_000)
FILINGS_CONTRACT_THRESHOLD_USD = env.int("FILINGS_CONTRACT_THRESHOLD_USD", default=5_000_000)
FILINGS_RESUBMIT_DAYS = env.int("FILINGS_RESUBMIT_DAYS", default=15)
FILINGS_CITY_REVIEW_DAYS = env.int("FILINGS_CITY_REVIEW_DAYS", default=7)
FILINGS_PROVINCE_REVIEW_DAYS = env.int("FILINGS_PROVINCE_REVIEW_DAYS", default=10)
FILINGS_PROGRESS_INTERVAL_DAYS = env.int("FILINGS_PROGRESS_INTERVAL_DAYS", default=180)
FILINGS_ATTACHMENT_MAX_MB = env.int("FILINGS_ATTACHMENT_MAX_MB", default=10)
FILINGS_ATTACHMENT_EXTENSIONS = env.list("FILINGS_ATTACHMENT_EXTENSIONS", default=["pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"])

# --- stats settings ---
STATS_CACHE_SECONDS = env.int("STATS_CACHE_SECONDS", default=600)  # upper bound; any filing change refreshes at once

# --- notifications settings ---
# Per-minute send budget of each external channel (0 = unlimited).
NOTIFY_RATE_LIMITS = {
    "email": env.int("NOTIFY_EMAIL_PER_MINUTE", default=600),
    "sms": env.int("NOTIFY_SMS_PER_MINUTE", default=120),
    "wechat": env.int("NOTIFY_WECHAT_PER_MINUTE", default=600),
}
NOTIFY_MAX_ATTEMPTS = env.int("NOTIFY_MAX_ATTEMPTS", default=5)
WECHAT_API_BASE = env.str("WECHAT_API_BASE", default="")  # e.g. https://api.weixin.qq.com
WECHAT_APP_ID = env.str("WECHAT_APP_ID", default="")
WECHAT_APP_SECRET = env.str("WECHAT_APP_SECRET", default="")
WECHAT_TEMPLATE_ID = env.str("WECHAT_TEMPLATE_ID", default="")

# --- consultation settings ---
CONSULTATION_DUE_WORKING_DAYS = env.int("CONSULTATION_DUE_WORKING_DAYS", default=3)
CONSULTATION_REMIND_WORKING_DAYS = env.int("CONSULTATION_REMIND_WORKING_DAYS", default=1)
CONSULTATION_ATTACHMENT_MAX_MB = env.int("CONSULTATION_ATTACHMENT_MAX_MB", default=10)
CONSULTATION_ATTACHMENT_EXTENSIONS = env.list("CONSULTATION_ATTACHMENT_EXTENSIONS", default=["pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"])

# --- accounts settings ---
# Sign-in, registration and the MLPS level-3 controls (docs/accounts.md lists each variable).
AUTHENTICATION_BACKENDS = ["accounts.backends.UsernameOrMobileBackend"]
AUTH_PASSWORD_VALIDATORS += [
    {"NAME": "accounts.password_validation.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "accounts.password_validation.NotIdentifierValidator"},
    {"NAME": "accounts.password_validation.PasswordHistoryValidator", "OPTIONS": {"count": 5}},
]
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=True)
USER_SESSION_IDLE_SECONDS = env.int("USER_SESSION_IDLE_SECONDS", default=2 * 60 * 60)
STAFF_PASSWORD_MAX_AGE_DAYS = env.int("STAFF_PASSWORD_MAX_AGE_DAYS", default=90)
LOGIN_MAX_FAILURES = env.int("LOGIN_MAX_FAILURES", default=5)
LOGIN_CAPTCHA_AFTER = env.int("LOGIN_CAPTCHA_AFTER", default=3)
LOGIN_LOCK_SECONDS = env.int("LOGIN_LOCK_SECONDS", default=15 * 60)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)  # reverse proxies in front (client address from X-Forwarded-For)
AUTH_RATE_PER_MINUTE = env.int("AUTH_RATE_PER_MINUTE", default=30)  # requests to each sign-in endpoint per address
SMS_CODE_TTL_SECONDS = env.int("SMS_CODE_TTL_SECONDS", default=5 * 60)
SMS_CODE_MAX_ATTEMPTS = env.int("SMS_CODE_MAX_ATTEMPTS", default=5)
SMS_MIN_INTERVAL_SECONDS = env.int("SMS_MIN_INTERVAL_SECONDS", default=60)
SMS_DAILY_LIMIT = env.int("SMS_DAILY_LIMIT", default=10)
SMS_SIGN_NAME = env.str("SMS_SIGN_NAME", default="湘企出海")
SMS_TEMPLATE_CODE = env.str("SMS_TEMPLATE_CODE", default="")  # gateway template for verification codes, param "code"
SMS_TEMPLATE_NOTICE = env.str("SMS_TEMPLATE_NOTICE", default="")  # gateway template for notices, param "content"
ALIYUN_SMS_ENDPOINT = env.str("ALIYUN_SMS_ENDPOINT", default="https://dysmsapi.aliyuncs.com/")
ALIYUN_SMS_ACCESS_KEY_ID = env.str("ALIYUN_SMS_ACCESS_KEY_ID", default="")
ALIYUN_SMS_ACCESS_KEY_SECRET = env.str("ALIYUN_SMS_ACCESS_KEY_SECRET", default="")
TENCENT_SMS_ENDPOINT = env.str("TENCENT_SMS_ENDPOINT", default="https://sms.tencentcloudapi.com/")
TENCENT_SMS_SECRET_ID = env.str("TENCENT_SMS_SECRET_ID", default="")
TENCENT_SMS_SECRET_KEY = env.str("TENCENT_SMS_SECRET_KEY", default="")
TENCENT_SMS_SDK_APP_ID = env.str("TENCENT_SMS_SDK_APP_ID", default="")
TENCENT_SMS_REGION = env.str("TENCENT_SMS_REGION", default="ap-guangzhou")
SMS_HTTP_TIMEOUT = env.int("SMS_HTTP_TIMEOUT", default=10)
LICENCE_MAX_MB = env.int("LICENCE_MAX_MB", default=5)
INVITATION_TTL_DAYS = env.int("INVITATION_TTL_DAYS", default=7)
ROLE_GRANT_REQUEST_TTL_DAYS = env.int("ROLE_GRANT_REQUEST_TTL_DAYS", default=7)  # an unapproved 三员 grant request lapses
EMAIL_VERIFY_MAX_AGE_DAYS = env.int("EMAIL_VERIFY_MAX_AGE_DAYS", default=3)
PRIVACY_CONSENT_REQUIRED = env.bool("PRIVACY_CONSENT_REQUIRED", default=True)  # re-ask when the policy changes
ACCOUNTS_SMS_RETENTION_DAYS = env.int("ACCOUNTS_SMS_RETENTION_DAYS", default=7)  # SMS codes and outbox rows kept this long (accounts/tasks.py)
OTP_TOTP_ISSUER = "湘企出海+"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAIL_FRONTEND_LOGIN_URL = "accounts:login"
# OpenID Connect provider (django-oauth-toolkit). The RSA signing key comes from the
# environment; in development a key is generated once into var/ (refused in production).
from accounts.oidc_keys import load_signing_key  # noqa: E402

OIDC_RSA_PRIVATE_KEY, OIDC_KEY_IS_DEV_DEFAULT = load_signing_key(
    env.str("OIDC_RSA_PRIVATE_KEY", default=""), env.str("OIDC_RSA_PRIVATE_KEY_FILE", default=""), BASE_DIR / "var" / "oidc-dev-key.pem"
)
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": OIDC_RSA_PRIVATE_KEY,
    "PKCE_REQUIRED": True,
    "SCOPES": {
        "openid": "使用平台账号登录",
        "profile": "姓名与用户名",
        "email": "电子邮箱",
        "phone": "手机号",
        "organization": "所属企业/机构及认证状态",
    },
    "DEFAULT_SCOPES": ["openid"],
    "SCOPES_BACKEND_CLASS": "accounts.oidc.ClientScopes",
    "OAUTH2_VALIDATOR_CLASS": "accounts.oidc.PlatformOIDCValidator",
    "APPLICATION_ADMIN_CLASS": "accounts.admin_oidc.ApplicationAdmin",
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"] if PRODUCTION else ["http", "https"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("OIDC_ACCESS_TOKEN_SECONDS", default=3600),
    "ID_TOKEN_EXPIRE_SECONDS": env.int("OIDC_ID_TOKEN_SECONDS", default=3600),
    "REQUEST_APPROVAL_PROMPT": "auto",
    # RFC 9700 (OAuth 2.0 Security BCP): authorization code + PKCE S256 only, no implicit or
    # password grant, bearer tokens only in the Authorization header, `iss` in authorization
    # responses, tokens stored as checksums only, refresh-token replay revokes the family.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "REFRESH_TOKEN_GRACE_PERIOD_SECONDS": 0,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": PRODUCTION,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_MATCHING": True,
    "COMPLIANT_BCP_RFC9700_PKCE_REQUIRED": True,
}
# --- end of accounts settings ---

# --- portal settings ---
# Anonymous visitors' copies of portal pages are kept this long (0 = no page cache); any publish,
# unpublish, move, expiry or import makes them stale at once (portal/page_cache.py).
PORTAL_PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=300)
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1, "portal.page_cache.AnonymousPageCacheMiddleware")

# --- matching settings ---
# Trade matchmaking (docs/matching.md): review, attachments, smart matching and the 全球撮合家 peer.
MATCHING_ATTACHMENT_MAX_MB = env.int("MATCHING_ATTACHMENT_MAX_MB", default=10)
MATCHING_ATTACHMENT_EXTENSIONS = env.list("MATCHING_ATTACHMENT_EXTENSIONS", default=["pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"])
MATCHING_MAX_VALIDITY_DAYS = env.int("MATCHING_MAX_VALIDITY_DAYS", default=365)
MATCHING_WEIGHTS = env.str("MATCHING_WEIGHTS", default="")  # e.g. "text=0.45,kind=0.15,country=0.15,industry=0.08,amount=0.07,quality=0.10"
MATCHING_SUGGESTIONS = env.int("MATCHING_SUGGESTIONS", default=20)  # stored suggestions per listing
MATCHING_MIN_SCORE = env.float("MATCHING_MIN_SCORE", default=0.25)  # below this a pair is not suggested at all
MATCHING_PUSH_THRESHOLD = env.float("MATCHING_PUSH_THRESHOLD", default=0.45)  # new matches from here on are pushed to the owner
MATCHING_PEER_URL = env.str("MATCHING_PEER_URL", default="")  # the peer's webhook receiver; empty: no webhooks
MATCHING_PEER_SECRET = env.str("MATCHING_PEER_SECRET", default="")  # shared HMAC-SHA256 secret, both directions
MATCHING_PEER_TIMEOUT = env.int("MATCHING_PEER_TIMEOUT", default=10)
MATCHING_SIGNATURE_TOLERANCE_SECONDS = env.int("MATCHING_SIGNATURE_TOLERANCE_SECONDS", default=300)
MATCHING_PEER_MAX_ATTEMPTS = env.int("MATCHING_PEER_MAX_ATTEMPTS", default=8)

# ---------------------------------------------------------------------------
# Operations: logs, probes and metrics (operations/, docs/operations.md)
# ---------------------------------------------------------------------------
MIDDLEWARE.insert(MIDDLEWARE.index("operations.request_id.RequestIdMiddleware") + 1, "operations.metrics.MetricsMiddleware")
# /readyz fails when the oldest due task has waited longer than this (the workers are stuck or gone).
READY_MAX_TASK_LAG_SECONDS = env.int("READY_MAX_TASK_LAG_SECONDS", default=300)
# Who may read /metrics: the monitoring network (CIDR list); everyone else gets a 404.
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=["127.0.0.1/32", "::1/128"])
# LOG_FORMAT=json (the default in production): one JSON object per line with the request id;
# text: readable lines for a developer's terminal.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

if PRODUCTION:
    from config.production import apply_production_settings

    apply_production_settings(globals())
