"""The portal's page tree (SPEC §3): home, columns, articles, country pages and city zones."""

from portal.models.articles import ArticleAttachment, ArticlePage, ArticleTag
from portal.models.cached import PageCacheVersion
from portal.models.cityzones import CityZoneIndexPage, CityZonePage
from portal.models.classification import ArticleKind, InfoClass
from portal.models.columns import ColumnPage
from portal.models.countries import ContinentPage, CountryIndexPage, CountryPage
from portal.models.home import HomePage
from portal.models.workflow import ClassWorkflow

__all__ = [
    "ArticleAttachment",
    "ArticleKind",
    "ArticlePage",
    "ArticleTag",
    "CityZoneIndexPage",
    "CityZonePage",
    "ClassWorkflow",
    "ColumnPage",
    "ContinentPage",
    "CountryIndexPage",
    "CountryPage",
    "HomePage",
    "InfoClass",
    "PageCacheVersion",
]
