"""An id in a URL that no database integer can hold names nothing: 404 before any view runs.

``<int:…>`` in a route accepts any run of digits. Django keeps an out-of-range number out of a
query on an integer primary key, but not on a foreign key or on a page type's parent link
(``get_object_or_404(ArticlePage, pk=…)``, ``filter(organization_id=…)``), where SQLite raises
OverflowError: a typed URL such as ``/directory/99999999999999999999/`` gave a 500. Checking the
resolved arguments here covers every route, the ones added later included.
"""

from django.http import Http404

LARGEST_ID = 2**63 - 1  # a signed 64-bit integer: the widest id column on SQLite and PostgreSQL


def out_of_range(values) -> bool:
    """True when one of the URL's integer arguments is larger than any stored id can be."""
    return any(isinstance(v, int) and not isinstance(v, bool) and v > LARGEST_ID for v in values)


class UrlIdRangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if out_of_range([*view_args, *view_kwargs.values()]):
            raise Http404("没有这个编号的记录。")
        return None
