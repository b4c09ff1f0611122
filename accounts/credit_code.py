"""The unified social credit code (统一社会信用代码, GB 32100-2015), checked with python-stdnum."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength


def clean_credit_code(value: str) -> str:
    """The code in its compact form, or a ``ValidationError`` saying exactly what is wrong."""
    number = uscc.compact(value or "")
    try:
        return uscc.validate(number)
    except InvalidLength as exc:
        message = ngettext("统一社会信用代码应为 18 位，您输入了 %(n)s 位。", "统一社会信用代码应为 18 位，您输入了 %(n)s 位。", len(number))
        raise ValidationError(message % {"n": len(number)}, code="length") from exc
    except InvalidFormat as exc:
        raise ValidationError(gettext("统一社会信用代码格式不正确：前 8 位应为数字，其余为数字和大写字母（不使用 I、O、Z、S、V）。"), code="format") from exc
    except InvalidChecksum as exc:
        expected = uscc.calc_check_digit(number[:17])
        raise ValidationError(
            gettext("统一社会信用代码校验位错误：按 GB 32100-2015 计算，第 18 位应为“%(expected)s”，您输入的是“%(entered)s”。请对照营业执照核对每一位。")
            % {"expected": expected, "entered": number[-1]},
            code="checksum",
        ) from exc
