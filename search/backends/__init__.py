"""Database-specific parts of the index: schema, match expressions and candidate queries.

Only retrieval differs between the databases; parsing, ranking, snippets and statistics are the
same Python code for both, which is why both return the same results. A dedicated engine
(Elasticsearch/OpenSearch, Meilisearch) would be another module with the same functions; see
docs/search.md.
"""

from django.utils.translation import gettext as _

from search.backends import postgres, sqlite

BACKENDS = {"sqlite": sqlite, "postgresql": postgres}


def backend_for(connection):
    try:
        return BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(_("站内搜索不支持 %(vendor)s 数据库") % {"vendor": connection.vendor}) from None
