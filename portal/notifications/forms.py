"""Forms of the subscribing pages: what to hear about, how often, in which language."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.notifications.models import ContentKind, Frequency
from portal.taxonomy.models import Region, Theme

PREFERENCES = ("language", "themes", "regions", "kinds", "frequency")


class PreferencesForm(forms.Form):
    """Preferences without the address: the manage page and "my subscription"."""

    language = forms.ChoiceField(
        label=_("Language of the mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked means every theme."),
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked means every region."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of content"),
        choices=ContentKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked means every kind."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )

    def preference_fields(self) -> list:
        return [self[name] for name in PREFERENCES]

    @classmethod
    def initial_from(cls, subscription) -> dict:
        return {
            "language": subscription.language,
            "themes": [theme.pk for theme in subscription.themes.all()],
            "regions": [region.pk for region in subscription.regions.all()],
            "kinds": subscription.kinds,
            "frequency": subscription.frequency,
        }

    @staticmethod
    def summary(subscription) -> list[tuple[str, str]]:
        """What a subscription asks for, as (label, value) lines for a page."""
        themes = ", ".join(str(theme) for theme in subscription.themes.all())
        regions = ", ".join(str(region) for region in subscription.regions.all())
        kinds = ", ".join(
            str(ContentKind(kind).label)
            for kind in subscription.kinds
            if kind in ContentKind.values
        )
        return [
            (_("Language of the mails"), subscription.get_language_display()),
            (_("Themes"), themes or _("All themes")),
            (_("Regions"), regions or _("All regions")),
            (_("Kinds of content"), kinds or _("All kinds of content")),
            (_("How often"), subscription.get_frequency_display()),
        ]

    def preferences(self) -> dict:
        """The cleaned preferences, as the services take them."""
        return {name: self.cleaned_data[name] for name in PREFERENCES}


class SubscribeForm(PreferencesForm):
    field_order = ["email"]

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A honeypot: people never see it (hidden by CSS and from assistive
    # technology); form-filling robots do, and fill it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
