"""Licences now live in the shared private store, ``uploads.storage``.

Kept only because migration 0002 names ``accounts.storage.private_storage``.
"""

from uploads.storage import private_storage

__all__ = ["private_storage"]
