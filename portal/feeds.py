"""RSS and Atom feeds: one per column (or city zone), listing its newest visible articles."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.selectors import LIST_FIELDS, articles_under, newest

FEED_SIZE = 30


class ColumnFeed(Feed):
    def get_object(self, request, page_id):
        return get_object_or_404(Page.objects.live().public(), pk=page_id).specific

    def title(self, obj):
        return _("湘企出海+ · {column}").format(column=obj.title)

    def link(self, obj):
        return obj.url

    def description(self, obj):
        return _("{column} 最新内容").format(column=obj.title)

    def items(self, obj):
        return newest(articles_under(obj).only(*LIST_FIELDS))[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return datetime.combine(item.date, time(0, 0), tzinfo=timezone.get_current_timezone())

    def item_categories(self, item):
        return [item.get_kind_display()]


class ColumnAtomFeed(ColumnFeed):
    feed_type = Atom1Feed
    subtitle = ColumnFeed.description
