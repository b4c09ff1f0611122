"""Periodic job: remind overseas zones of the annual report due by 31 March."""

from django.tasks import task

from background.periodic import periodic
from zones.services import remind_missing_reports


@periodic(hours=24)
@task()
def remind_zone_reports():
    """Safe to run again: each zone is reminded once per year."""
    return {"reminded": remind_missing_reports()}
