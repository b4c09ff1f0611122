"""State the task mechanism keeps besides django-tasks-db's own result table."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicJob(models.Model):
    """When a periodic job was last enqueued; one row per registered job.

    Workers on several machines race to enqueue a due job with a conditional UPDATE
    on ``next_run_at``, so exactly one of them wins each period.
    """

    name = models.CharField(_("任务"), max_length=200, primary_key=True)
    next_run_at = models.DateTimeField(_("下次运行"))
    last_enqueued_at = models.DateTimeField(_("上次入队"), null=True, blank=True)

    class Meta:
        verbose_name = _("周期任务")
        verbose_name_plural = _("周期任务")

    def __str__(self):
        return self.name
