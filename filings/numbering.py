"""The form of filing numbers, such as 湘境投备〔2026〕00001号: an official numbering written in Chinese
on the filing and stored with it, the same whatever the language of the page that shows it."""

from filings.models import Kind

NUMBER_PREFIX = {Kind.INVESTMENT: "湘境投备", Kind.CONTRACTING: "湘承包备", Kind.LABOUR: "湘劳务备"}


def year_prefix(kind: str, year: int) -> str:
    """The part of a number shared by one kind's filings of one year: 湘境投备〔2026〕."""
    return f"{NUMBER_PREFIX[kind]}〔{year}〕"


def number(prefix: str, sequence: int) -> str:
    """The full number: the year prefix, a five-digit sequence and 号."""
    return f"{prefix}{sequence:05d}号"
