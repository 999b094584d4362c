from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.taxonomy.models import Country, Region, Theme
from portal.uploads import ATTACHMENTS, TYPES, MultipleUploadField

from .models import Proposal


class ProposalForm(forms.ModelForm):
    """What a member fills in; ``proposal_submit`` does the writing."""

    attachments = MultipleUploadField(
        label=_("Attachments"),
        accept=ATTACHMENTS,
        max_files=settings.PROPOSAL_MAX_ATTACHMENTS,
    )

    class Meta:
        model = Proposal
        fields = (
            "kind",
            "title",
            "description",
            "language",
            "themes",
            "regions",
            "country",
        )
        widgets = {
            "kind": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "regions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"language": _("Language of the text")}
        help_texts = {
            "description": _(
                "What it is, who took part, what came out of it, and how others could use it."
            ),
            "themes": _("For an offer or a request of expertise: at least one."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            choice for choice in self.fields["kind"].choices if choice[0]
        ]
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["regions"].queryset = Region.objects.all()
        self.fields["country"].queryset = Country.objects.all()
        self.fields["country"].help_text = _(
            "Your mission's country unless you choose another."
        )
        if not self.is_bound:
            self.initial.setdefault("country", user.country_id)
            language = translation.get_language()
            self.initial.setdefault(
                "language",
                language
                if language in dict(settings.LANGUAGES)
                else settings.LANGUAGE_CODE,
            )
        limit = settings.PROPOSAL_MAX_ATTACHMENTS
        self.fields["attachments"].max_files = limit
        self.fields["attachments"].help_text = _(
            "Up to %(limit)d files: %(types)s; documents up to %(document_mb)d MB,"
            " images up to %(image_mb)d MB."
        ) % {
            "limit": limit,
            "types": ", ".join(TYPES[key].label for key in ATTACHMENTS),
            "document_mb": settings.UPLOAD_MAX_DOCUMENT_MB,
            "image_mb": settings.UPLOAD_MAX_IMAGE_MB,
        }

    def submission(self) -> dict:
        """The keyword arguments of ``proposal_submit``."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "description": data["description"],
            "language": data["language"],
            "country": data["country"],
            "themes": data["themes"],
            "regions": data["regions"],
            "files": data["attachments"],
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_("The member reads this on their page and in the e-mail they get."),
    )
