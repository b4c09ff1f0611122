"""The unified social credit code (统一社会信用代码, GB 32100-2015), checked with python-stdnum."""

from django.core.exceptions import ValidationError
from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

ALPHABET_HINT = "数字和大写字母（不使用 I、O、Z、S、V）"


def clean_credit_code(value: str) -> str:
    """The code in its compact form, or a ``ValidationError`` saying exactly what is wrong."""
    number = uscc.compact(value or "")
    try:
        return uscc.validate(number)
    except InvalidLength as exc:
        raise ValidationError(f"统一社会信用代码应为 18 位，您输入了 {len(number)} 位。", code="length") from exc
    except InvalidFormat as exc:
        raise ValidationError(f"统一社会信用代码格式不正确：前 8 位应为数字，其余为{ALPHABET_HINT}。", code="format") from exc
    except InvalidChecksum as exc:
        expected = uscc.calc_check_digit(number[:17])
        raise ValidationError(
            f"统一社会信用代码校验位错误：按 GB 32100-2015 计算，第 18 位应为“{expected}”，您输入的是“{number[-1]}”。请对照营业执照核对每一位。",
            code="checksum",
        ) from exc
