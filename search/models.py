"""The search index, its statistics, the operators' synonym table and the query log.

``SearchDocument`` holds one row per searchable object with its text already normalised and
segmented. The database's own full-text machinery indexes the token columns: an FTS5 table kept
in step by triggers on SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL
(both created by migration 0002, see ``search.backends``). Ranking is done by our own code
(``search.ranking``) from the same columns, so both databases return the same results.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    kind = models.CharField(_("类型"), max_length=40)
    object_id = models.CharField(_("对象编号"), max_length=64)
    url = models.CharField(_("地址"), max_length=500)
    title = models.CharField(_("标题"), max_length=300)
    title_norm = models.CharField(_("标题(规范化)"), max_length=300, editable=False)
    body = models.TextField(_("正文(规范化，摘要与高亮用)"), blank=True, default="")
    column = models.CharField(_("栏目"), max_length=100, blank=True, default="")
    countries = models.CharField(_("国家代码"), max_length=400, blank=True, default="", help_text=_("空格分隔的 ISO 代码"))
    industries = models.CharField(_("行业代码"), max_length=60, blank=True, default="")
    city = models.CharField(_("市州"), max_length=20, blank=True, default="")
    date = models.DateField(_("日期"))
    expires_at = models.DateField(_("有效期至"), null=True, blank=True)
    title_tokens = models.TextField(blank=True, default="", editable=False)
    body_tokens = models.TextField(blank=True, default="", editable=False)
    grams = models.TextField(blank=True, default="", editable=False)
    facets = models.TextField(blank=True, default="", editable=False)
    title_len = models.PositiveIntegerField(default=0, editable=False)
    body_len = models.PositiveIntegerField(default=0, editable=False)
    indexed_at = models.DateTimeField(_("索引时间"), auto_now=True)

    class Meta:
        verbose_name = _("索引文档")
        verbose_name_plural = _("索引文档")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="sitesearch_doc_kind_object")]
        indexes = [
            models.Index(fields=["-date", "-id"], name="sitesearch_doc_date_idx"),
            models.Index(fields=["expires_at"], name="sitesearch_doc_expiry_idx"),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id} {self.title}"

    @property
    def country_codes(self) -> list[str]:
        return self.countries.split()

    @property
    def industry_codes(self) -> list[str]:
        return self.industries.split()


class SearchTerm(models.Model):
    """Document frequency of one index token; rows starting with "@" hold corpus totals (BM25)."""

    token = models.CharField(max_length=120, primary_key=True)
    df = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("词项统计")
        verbose_name_plural = _("词项统计")

    def __str__(self):
        return f"{self.token}={self.df}"


class SynonymKind(models.TextChoices):
    SYNONYM = "synonym", _("同义词")
    ABBREVIATION = "abbreviation", _("简称/缩写")
    TRANSLATION = "translation", _("中英文名称")
    RELATED = "related", _("相关词（较弱）")


class Synonym(models.Model):
    """A group of terms that mean the same thing; a search for any of them finds all of them.

    A group of kind "related" holds terms that are not the same thing but that a searcher for one
    usually also wants (外汇 and 汇率): they are found too, ranked well below the words typed and
    their synonyms.
    """

    terms = models.TextField(
        _("同义词组"),
        help_text=_("用逗号或顿号分隔，如：ODI，境外投资，对外直接投资。类型选“相关词（较弱）”时，搜索其中一个词也会找到其他词，但排在原词和同义词之后。"),
    )
    kind = models.CharField(_("类型"), max_length=20, choices=SynonymKind.choices, default=SynonymKind.SYNONYM)
    note = models.CharField(_("说明"), max_length=200, blank=True, default="")
    is_active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("同义词")
        verbose_name_plural = _("同义词与缩写")
        ordering = ["kind", "id"]

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def clean(self):
        # One term alone finds nothing more than itself: say so instead of saving a group that
        # does nothing (the snippet form calls this; the kind decides the wording).
        if len(self.term_list()) < 2:
            if self.kind == SynonymKind.RELATED:
                message = gettext("一组相关词至少要有两个不同的词，用逗号或顿号分隔，如：外汇，汇率")
            else:
                message = gettext("一组同义词至少要有两个不同的词，用逗号或顿号分隔，如：外汇，汇率")
            raise ValidationError({"terms": message})

    def term_list(self) -> list[str]:
        from search.synonyms import split_terms

        return split_terms(self.terms)


class QueryLog(models.Model):
    """One search made on the results page (suggestions are not logged); no user is recorded."""

    query = models.CharField(_("查询"), max_length=200)
    normalized = models.CharField(_("规范化查询"), max_length=200, db_index=True)
    results = models.PositiveIntegerField(_("结果数"))
    filtered = models.BooleanField(_("带筛选条件"), default=False)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("搜索记录")
        verbose_name_plural = _("搜索记录")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["results", "-created_at"], name="sitesearch_log_results_idx")]

    def __str__(self):
        return f"{self.query} ({self.results})"
