# The filing factories are shared with the filings tests.
from filings.tests.conftest import _reference_data, make_filing, people, rates  # noqa: F401
