"""Simplified Chinese formats: Django's, with amounts grouped in thousands by commas.

Django's zh_Hans formats group digits by ten thousand with no separator, so an amount of
295169 read "295169.00". Chinese financial and government documents write 295,169.00 (GB/T 15835
and the People's Bank's accounting rules), which is what ``floatformat:"2g"`` and ``intcomma`` now
produce. ``USE_THOUSAND_SEPARATOR`` stays off, so years and ids are never grouped.
"""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403 (every other format stays Django's)

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
