"""Create the Wagtail root, the home page and the default Site when they are missing.

Migrations do this for a new database (portal/migrations/0002); this function does the
same for databases emptied by a flush (live-server browser tests). ``ensure_portal_tree()``
adds the columns, country pages and city zones (portal/migrations/0004 does it on migrate)
and the groups' page permissions and review workflows.
"""

from django.apps import apps as django_apps
from django.conf import settings
from wagtail.models import Locale, Page, Site

from portal.initial_content import HOME_INTRO, HOME_TITLE, SITE_NAME
from portal.models import HomePage


def ensure_site_tree() -> HomePage:
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME)
    return home


def ensure_portal_tree() -> HomePage:
    """The whole page tree of SPEC §3 plus permissions and workflows (idempotent)."""
    from portal import permissions
    from portal.tree import ensure_tree
    from taxonomy.loading import ensure_reference_data

    ensure_reference_data()
    home = ensure_site_tree()
    ensure_tree(django_apps)
    permissions.setup()
    return home
