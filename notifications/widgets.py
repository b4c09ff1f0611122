"""Choice widgets whose options may be Chinese data — city, industry and column names, role
(group) names, event and listing titles — marked ``lang="zh-Hans"`` on English pages.

Those names have no English version; like other content they stay Chinese on English pages and
say so (``portal_tags.content_lang``). A select marks the ``<option>``; a list of checkboxes
wraps the label's text in ``<span lang="zh-Hans">``. On Chinese pages nothing changes. Used by
the forms of notifications, consultation and matching.
"""

from django import forms

from portal.templatetags.portal_tags import chinese_content, content_lang
from taxonomy.widgets import SearchableSelect, SearchableSelectMultiple


class MarksChineseOptions:
    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if content_lang(label):
            if self.input_type in ("checkbox", "radio"):
                option["label"] = chinese_content(label)
            else:
                option["attrs"]["lang"] = "zh-Hans"
        return option


class MarkedSelect(MarksChineseOptions, forms.Select):
    pass


class MarkedCheckboxSelectMultiple(MarksChineseOptions, forms.CheckboxSelectMultiple):
    pass


class MarkedSearchableSelect(MarksChineseOptions, SearchableSelect):
    pass


class MarkedSearchableSelectMultiple(MarksChineseOptions, SearchableSelectMultiple):
    pass
