"""Fixtures for the portal's tests. The column tree comes from the data migration."""

import pytest
from django.core.cache import cache

from portal import page_cache
from portal.models import CityZonePage, ColumnPage, HomePage


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Tests see fresh pages; the page-cache tests turn the cache on themselves."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    cache.clear()
    page_cache.forget_version()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def column(db):
    """Look a column up by slug: ``column("notices")``."""
    return lambda slug: ColumnPage.objects.get(slug=slug)


@pytest.fixture
def zone(db):
    return lambda city: CityZonePage.objects.get(city=city)


@pytest.fixture
def portal_roles(groups):
    from portal import permissions

    permissions.setup()
    return groups
