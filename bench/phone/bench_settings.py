"""Settings for ``bench/phone``: the project's own, with static files served as in production.

``config.settings`` chooses WhiteNoise's compressed manifest storage only when
``APP_ENV=production``, and that mode also wants HTTPS, a real secret key and an OIDC key. The
benchmark needs only the part that changes what a phone downloads: hashed file names with
far-future caching and pre-compressed copies, collected into a temporary ``STATIC_ROOT``
(``BENCH_STATIC_ROOT``) so the project's ``var/static`` is left alone. Everything else —
middleware, templates, the page cache — is exactly what the project configures.
"""

import os

from config.settings import *  # noqa: F403 (the whole configuration, then two changes)
from config.settings import MIDDLEWARE, STORAGES

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# --gzip-html: what compressing the HTML would save (GZipMiddleware where the proxy would do it:
# after WhiteNoise, which answers static files itself, already compressed).
GZIP = "django.middleware.gzip.GZipMiddleware"
if os.environ.get("BENCH_GZIP_HTML") == "1" and GZIP not in MIDDLEWARE:
    MIDDLEWARE = list(MIDDLEWARE)
    MIDDLEWARE.insert(MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, GZIP)
