import pytest

from portal.templatetags.portal_tags import cn_amount


@pytest.mark.parametrize(
    ("value", "shown"),
    [(8500, "8,500"), (1_000_000, "100万"), (3_000_000, "300万"), (12_345_678, "1,234.57万"), (150_000_000, "1.5亿"), (0, "0"), ("面议", "面议"), (None, None)],
)
def test_amounts_are_written_in_wan_and_yi(value, shown):
    assert cn_amount(value) == shown
