"""Query strings no page can use, refused before any view reads them.

* A NUL character (``%00``), in the query string or the path: PostgreSQL cannot hold one in a text value, so any filter or search
  that passed it on would fail with a server error. No link or form of the site produces one.
* A search text (``q``, the name every search box uses, the Django and Wagtail admin's included)
  longer than ``MAX_QUERY_CHARS``: the admin searches turn every word into a condition, and
  thousands of words exceed what the database accepts in one statement. The site's own search
  boxes allow at most 200 characters and say so in their forms; this only stops what no form sends.

Both are answered with a 400 page saying what was wrong, never a 500.
"""

from django.shortcuts import render

MAX_QUERY_CHARS = 500
NUL_IN_LINK = "链接中含有无效的空字符（%00），请检查链接或重新输入。"


def problem_with(query) -> str:
    """Why this query string (a ``QueryDict``) cannot be served, in Chinese; "" when it can."""
    for key, values in query.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return NUL_IN_LINK
    if any(len(value) > MAX_QUERY_CHARS for value in query.getlist("q")):
        return f"搜索词太长了，请不要超过 {MAX_QUERY_CHARS} 个字。"
    return ""


class QueryLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A NUL in the path reaches views as a str URL parameter (an invitation token, a policy
        # version, an admin object id) just as one in the query string would.
        problem = NUL_IN_LINK if "\x00" in request.path else problem_with(request.GET)
        if problem:
            return render(request, "query_refused.html", {"problem": problem}, status=400)
        return self.get_response(request)
