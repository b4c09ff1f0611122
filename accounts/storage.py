"""Where uploaded business licences live: outside MEDIA_ROOT, served only through a permission-checked view."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    return FileSystemStorage(location=settings.ACCOUNTS_PRIVATE_ROOT, base_url=None)
