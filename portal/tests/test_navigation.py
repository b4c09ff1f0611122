import re


def active_items(html):
    """The main menu's links marked as where the visitor is."""
    html = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)" (?:aria-current="page"|class="active")>', html)


def test_a_service_marks_the_column_that_fronts_it(client, db):
    html = client.get("/matching/").content.decode()
    assert set(active_items(html)) == {"/matching/"}  # 经贸对接 fronts the matchmaking market
    html = client.get("/consultation/").content.decode()
    assert set(active_items(html)) == {"/professional/"}


def test_pages_outside_any_column_mark_nothing(client, db):
    assert active_items(client.get("/search/").content.decode()) == []
