"""Checking the hash chain: each entry's hash covers its content and the previous entry's hash."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import entry_digest


@dataclass
class Break:
    entry_id: int
    reason: str


def verify_chain(batch_size: int = 2000, progress=None) -> Break | None:
    """The first broken link of the chain, or None if every entry is intact.

    Detects an edited entry (its hash no longer matches its content), a removed entry (the
    next entry's ``prev_hash`` points at a hash that is not its predecessor's) and a
    rewritten hash (the successor no longer links to it).
    """
    previous_hash = ""
    previous_id = None
    last_id = 0
    while True:
        rows = list(AuditEntry.objects.filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not rows:
            return None
        for entry in rows:
            if entry.prev_hash != previous_hash:
                if previous_id:
                    reason = _("与上一条记录的哈希不衔接（第 %(id)s 条之后的记录被删除或改动）") % {"id": previous_id}
                else:
                    reason = _("与上一条记录的哈希不衔接（链首的记录被删除或改动）")
                return Break(entry.pk, reason)
            if entry_digest(entry) != entry.entry_hash:
                return Break(entry.pk, _("记录内容与其哈希不符（内容被改动）"))
            previous_hash, previous_id = entry.entry_hash, entry.pk
        last_id = rows[-1].pk
        if progress is not None:
            progress(len(rows))
