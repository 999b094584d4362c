"""Form widgets of the list panels whose markup is written in Python.

Every list page renders its panel's search box and sort menu (the expertise
page, its theme and region menus). Through the form renderer's templates each
``<option>`` is an include of two templates: a menu of twenty options cost a
millisecond of a page that must take ten. These widgets keep Django's own
``get_context`` (values, attributes, selection, option groups) and write the
markup its templates write (``django/forms/widgets/input.html``, ``select.html``,
``select_option.html``, ``attrs.html``), every value escaped as the templates
autoescape it (``conditional_escape``). tests/portal/test_widgets.py holds each
output to the templates' own, byte for byte.
"""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class _WrittenInPython:
    """Renders ``markup(context["widget"])`` instead of the widget's template."""

    def _render(self, template_name, context, renderer=None) -> SafeString:
        # Every value in the markup is escaped (``conditional_escape``).
        return SafeString(self.markup(context["widget"]))

    def markup(self, widget: dict) -> str:
        raise NotImplementedError


class _Input(_WrittenInPython):
    """django/forms/widgets/input.html."""

    def markup(self, widget: dict) -> str:
        value = widget["value"]
        shown = "" if value is None else f' value="{conditional_escape(value)}"'
        return (
            f'<input type="{conditional_escape(widget["type"])}"'
            f' name="{conditional_escape(widget["name"])}"{shown}'
            f"{_attrs(widget['attrs'])}>"
        )


class PanelTextInput(_Input, forms.TextInput):
    pass


class PanelHiddenInput(_Input, forms.HiddenInput):
    pass


class PanelSelect(_WrittenInPython, forms.Select):
    """django/forms/widgets/select.html and select_option.html."""

    def markup(self, widget: dict) -> str:
        parts = [
            f'<select name="{conditional_escape(widget["name"])}"',
            f"{_attrs(widget['attrs'])}>",
        ]
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                # The option template's own line end included, as Django writes it.
                parts.append(
                    f'\n  <option value="{conditional_escape(option["value"])}"'
                    f"{_attrs(option['attrs'])}>"
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        # The renderer strips what the template ends with.
        parts.append("\n</select>")
        return "".join(parts)
