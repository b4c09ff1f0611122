"""Configuration checks (``manage.py check``; ``check --deploy`` in production).

A peer URL without a strong shared secret would let anyone forge imports or read our webhooks'
intent, and a typo in ``MATCHING_WEIGHTS`` would silently change every ranking: both refuse.
"""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.translation import gettext as _

MIN_SECRET_LENGTH = 32


@register()
def matching_settings(app_configs, **kwargs):
    from matching.engine.scoring import Weights

    errors = []
    try:
        Weights.parse(settings.MATCHING_WEIGHTS)
    except ValueError as exc:
        errors.append(Error(_("MATCHING_WEIGHTS 无效：%(error)s") % {"error": exc}, id="matching.E001"))
    if settings.MATCHING_PEER_URL and len(settings.MATCHING_PEER_SECRET) < MIN_SECRET_LENGTH:
        errors.append(
            Error(_("设置了 MATCHING_PEER_URL 时，MATCHING_PEER_SECRET 至少需要 %(n)s 个字符") % {"n": MIN_SECRET_LENGTH}, id="matching.E002")
        )
    if getattr(settings, "PRODUCTION", False) and settings.MATCHING_PEER_URL and not settings.MATCHING_PEER_URL.startswith("https://"):
        errors.append(Error(_("生产环境中 MATCHING_PEER_URL 必须使用 https://"), id="matching.E003"))
    if not 0 <= settings.MATCHING_MIN_SCORE <= settings.MATCHING_PUSH_THRESHOLD <= 1:
        errors.append(Error(_("须满足 0 ≤ MATCHING_MIN_SCORE ≤ MATCHING_PUSH_THRESHOLD ≤ 1"), id="matching.E004"))
    return errors
