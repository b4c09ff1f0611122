"""The materials a filing must carry, as the service guide for its kind names them.

The department marks a guide's materials 备案必交 in the admin (guides.GuideMaterial); a filing
cannot be submitted until it has an attachment for each, matched by the material's name (the
attachment's 材料名称, chosen from the guide's list on the upload form). Renaming a material in
the guide therefore asks for it again, which is what a changed requirement means.
"""

from guides.selectors import guide_for_filing_kind, required_materials


def checklist(filing) -> list[dict]:
    """``[{name, note, uploaded}]`` for each required material of ``filing``, in the guide's order."""
    uploaded = set(filing.attachments.values_list("label", flat=True))
    return [{"name": m.name, "note": m.note, "uploaded": m.name in uploaded} for m in required_materials(filing.kind)]


def missing(filing) -> list[str]:
    return [item["name"] for item in checklist(filing) if not item["uploaded"]]


def choices_for(kind) -> list[str]:
    """The material names the upload form offers: the guide's, required ones first."""
    guide = guide_for_filing_kind(kind)
    if guide is None:
        return []
    materials = list(guide.materials.order_by("-required_for_filing", "sort_order"))
    return [m.name for m in materials]


def sample_pdf(title: str) -> bytes:
    """A one-page PDF standing in for a scanned document (demo content and tests)."""
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def attach_samples(filing, *, by=None) -> int:
    """Give ``filing`` a sample PDF for each required material it lacks (demo content and tests);
    returns how many were attached. Real uploads go through ``services.add_attachment``."""
    from django.core.files.base import ContentFile

    from filings.models import FilingAttachment

    names = missing(filing)
    for i, name in enumerate(names, start=1):
        content = sample_pdf(name)
        FilingAttachment.objects.create(
            filing=filing, label=name, file=ContentFile(content, name=f"material-{i}.pdf"),
            original_name=f"{name}.pdf", size=len(content), uploaded_by=by,
        )
    return len(names)
