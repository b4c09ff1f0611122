"""Which group answers an enquiry.

Order: an explicit ``RoutingRule`` for (category, city), then for the category alone; then the
built-in rules — an enquiry directed to a bank adviser expert or about finance goes to the bank's
advisers; one about a city goes to that city's bureau; suggestions go to the platform operator;
everything else to the provincial department.
"""

from django.contrib.auth.models import Group

from accounts.roles import BANK_ADVISER, DEPT_ADMIN, OPERATOR, Role, city_bureau_role
from consultation.models import Category, RoutingRule


def responsible_role(category: str, city: str = "", expert=None) -> Role:
    if (expert is not None and expert.is_bank_adviser) or category == Category.FINANCE:
        return BANK_ADVISER
    if city:
        return city_bureau_role(city)
    if category == Category.SUGGESTION:
        return OPERATOR
    return DEPT_ADMIN


def responsible_group(category: str, city: str = "", expert=None) -> Group:
    rule = RoutingRule.objects.filter(category=category, city=city or "").select_related("group").first()
    if rule is None and city:
        rule = RoutingRule.objects.filter(category=category, city="").select_related("group").first()
    if rule is not None and expert is None:
        return rule.group
    role = responsible_role(category, city, expert)
    return Group.objects.get_or_create(name=role.group_name)[0]
