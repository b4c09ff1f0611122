from django import template

from accounts.mobile import mask_id_number, mask_mobile

register = template.Library()


@register.filter
def masked_mobile(value):
    """``{{ user.mobile|masked_mobile }}`` → 138****5678."""
    return mask_mobile(value)


@register.filter
def masked_id(value):
    return mask_id_number(value)
