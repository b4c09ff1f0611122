"""Where the files enterprises and people upload are kept: one private store outside MEDIA_ROOT.

Everything under ``MEDIA_ROOT`` can be fetched by anyone at ``/media/…``; licences, filing
documents, enquiry attachments and data-call files must not be. They live under
``PRIVATE_ROOT`` instead (one subfolder per app), have no URL, and are sent only by a view that
first checks who is asking (``uploads.downloads.send_private_file``). Their names on disk are
random, so a name reveals nothing and cannot be guessed; the original name is kept in a model
field for display and as the download's file name. Only Wagtail's images and documents, which
editors publish on purpose, stay in MEDIA_ROOT.

A model field uses it as
``models.FileField(storage=private_storage, upload_to=RandomName("filings"))``.
"""

import re
import uuid
from pathlib import Path

from django.conf import settings
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

_EXTENSION = re.compile(r"[a-z0-9]{1,10}")


class PrivateStorage(FileSystemStorage):
    """Files under ``settings.PRIVATE_ROOT``, read at each use (so a changed setting, e.g. in tests, applies).

    ``base_url`` is None, so ``url()`` raises instead of pointing at ``/media/``.
    """

    @property
    def base_location(self):
        return Path(settings.PRIVATE_ROOT)

    @property
    def location(self):
        return str(self.base_location.resolve())

    @property
    def base_url(self):
        return None


def private_storage():
    """The private store; a callable, so migrations record this function rather than this machine's path."""
    return PrivateStorage()


def safe_extension(filename) -> str:
    """The lower-case extension of ``filename`` if it is short and plain ASCII, else ''."""
    extension = Path(filename or "").suffix.lower().lstrip(".")
    return extension if _EXTENSION.fullmatch(extension) else ""


def random_name(subfolder, filename) -> str:
    """``<subfolder>/<32 random hex>.<extension of filename>``: the name a stored upload gets."""
    extension = safe_extension(filename)
    return f"{subfolder}/{uuid.uuid4().hex}" + (f".{extension}" if extension else "")


@deconstructible(path="uploads.storage.RandomName")
class RandomName:
    """``upload_to`` for a private file field: a random name in the app's subfolder."""

    def __init__(self, subfolder):
        self.subfolder = subfolder

    def __call__(self, instance, filename):
        return random_name(self.subfolder, filename)

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.subfolder == self.subfolder

    def __hash__(self):
        return hash(self.subfolder)


def is_random_name(name, subfolder) -> bool:
    """Whether ``name`` is one ``random_name(subfolder, …)`` gives (so the file was already moved)."""
    return re.fullmatch(rf"{re.escape(subfolder)}/[0-9a-f]{{32}}(\.[a-z0-9]{{1,10}})?", name or "") is not None


def check_private_root(app_configs=None, **kwargs):
    """System check: the private store must not lie inside MEDIA_ROOT (nor contain it), or uploads would be public."""
    private, media = Path(settings.PRIVATE_ROOT).resolve(), Path(settings.MEDIA_ROOT).resolve()
    if private.is_relative_to(media) or media.is_relative_to(private):
        return [Error(
            f"PRIVATE_MEDIA_ROOT ({private}) and MEDIA_ROOT ({media}) overlap: uploaded files would be served publicly at /media/",
            hint="Set PRIVATE_MEDIA_ROOT to a folder outside MEDIA_ROOT (default var/private).",
            id="uploads.E001",
        )]
    return []
