"""Reference data shared by every capability: countries and industries.

Both are rows (not choices) so content can be tagged with many of them and
filtered in the database; both are loaded by migrations and read-only in use.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    ASIA = "asia", _("亚洲")
    AFRICA = "africa", _("非洲")
    EUROPE = "europe", _("欧洲")
    AMERICAS = "americas", _("美洲")
    OCEANIA = "oceania", _("大洋洲")
    OTHER = "other", _("其他")


class Country(models.Model):
    """A country or region by ISO 3166-1 alpha-2 code; names from CLDR (``taxonomy.country_names``).

    ``sort_zh`` (pinyin with tones) and ``sort_en`` (plain letters) are stored so lists can be
    ordered in the database; ``taxonomy.selectors.countries`` picks the one for the active language.
    """

    code = models.CharField(_("代码"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("三位代码"), max_length=3, unique=True)
    name_zh = models.CharField(_("中文名称"), max_length=64)
    name_en = models.CharField(_("英文名称"), max_length=128)
    continent = models.CharField(_("大洲"), max_length=16, choices=Continent.choices, db_index=True)
    sort_zh = models.CharField(_("拼音排序键"), max_length=200, default="", editable=False)
    sort_en = models.CharField(_("英文排序键"), max_length=200, default="", editable=False)

    class Meta:
        ordering = ["sort_zh", "code"]
        verbose_name = _("国家(地区)")
        verbose_name_plural = _("国家(地区)")

    def __str__(self):
        return self.name_zh

    @property
    def display_name(self) -> str:
        """The name in the active language: English on English pages, Chinese otherwise."""
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh


class Industry(models.Model):
    """A GB/T 4754-2017 section (门类), A–T."""

    code = models.CharField(_("门类代码"), max_length=1, primary_key=True)
    name_zh = models.CharField(_("门类名称"), max_length=64)

    class Meta:
        ordering = ["code"]
        verbose_name = _("行业门类")
        verbose_name_plural = _("行业门类")

    def __str__(self):
        return f"{self.code} {self.name_zh}"
