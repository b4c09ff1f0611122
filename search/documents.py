"""What a registered kind hands to the index, and how it becomes an index row."""

from dataclasses import dataclass, field
from datetime import date

from search import chinese_text
from search.chinese_text import normalize
from search.models import SearchDocument

MAX_BODY_CHARS = 20000


@dataclass
class IndexDocument:
    """One searchable object as the index sees it.

    ``body`` is plain text (strip HTML before handing it over); ``extra`` is searchable text that
    is not shown (tags, names of the tagged countries); ``date`` orders results by date and must be
    set (an undated object uses its last publication date).
    """

    kind: str
    object_id: str
    title: str
    url: str
    date: date
    body: str = ""
    column: str = ""
    countries: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    city: str = ""
    expires_at: date | None = None
    extra: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, str(self.object_id))


def facet_token(prefix: str, value: str) -> str:
    """A facet value as one index token: ``facet_token("ctry", "KE")`` → "ctryke"."""
    return prefix + "".join(chinese_text.TOKEN_RE.findall(normalize(value)))


def month_facet(day) -> str:
    """The facet of a document's month, ``mon202511``: lets a query be confined to recent months."""
    return f"mon{day:%Y%m}"


def facet_tokens(doc: IndexDocument) -> list[str]:
    tokens = [facet_token("kind", doc.kind), month_facet(doc.date)]
    if doc.column:
        tokens.append(facet_token("col", doc.column))
    if doc.city:
        tokens.append(facet_token("city", doc.city))
    tokens += [facet_token("ctry", c) for c in doc.countries]
    tokens += [facet_token("ind", i) for i in doc.industries]
    return list(dict.fromkeys(tokens))


def _pad(tokens: list[str]) -> str:
    # Leading and trailing spaces let the ranking count " token " without edge cases.
    return " " + " ".join(tokens) + " " if tokens else ""


def build_row(doc: IndexDocument) -> SearchDocument:
    """The unsaved index row of ``doc``: normalised text, tokens, bigrams and facets."""
    title_norm = normalize(doc.title)[:300]
    body_norm = normalize(doc.body)[:MAX_BODY_CHARS]
    title_tokens = chinese_text.words(title_norm)
    body_tokens = chinese_text.words(body_norm) + chinese_text.words(normalize(doc.extra))
    grams = chinese_text.bigrams(title_norm + " " + body_norm)
    return SearchDocument(
        kind=doc.kind,
        object_id=str(doc.object_id),
        url=doc.url[:500],
        title=doc.title[:300],
        title_norm=title_norm,
        body=body_norm,
        column=doc.column[:100],
        countries=" ".join(c.upper() for c in doc.countries),
        industries=" ".join(i.upper() for i in doc.industries),
        city=doc.city,
        date=doc.date,
        expires_at=doc.expires_at,
        title_tokens=_pad(title_tokens),
        body_tokens=_pad(body_tokens),
        grams=" ".join("~" + g for g in grams),
        facets=" ".join("!" + f for f in facet_tokens(doc)),
        title_len=len(title_tokens),
        body_len=len(body_tokens),
    )


def row_terms(row: SearchDocument) -> set[str]:
    """The distinct tokens a row contributes to document frequencies (words, grams "~", facets "!")."""
    terms = set(row.title_tokens.split())
    terms.update(row.body_tokens.split())
    terms.update(row.grams.split())
    terms.update(row.facets.split())
    return terms
