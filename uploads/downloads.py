"""Sending a privately stored upload to someone a view has already checked may read it."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _


def send_private_file(field_file, filename):
    """A download of ``field_file`` named ``filename`` (the name it was uploaded with).

    Always an attachment with ``nosniff``, so a browser saves the file rather than rendering
    whatever it contains on our origin. A row whose file is gone is a 404, not a server error.
    """
    if not field_file:
        raise Http404(_("文件不存在"))
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("文件不存在")) from None
    response = FileResponse(handle, as_attachment=True, filename=filename or field_file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response
