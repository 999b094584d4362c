"""Forms of the accounts pages and of the invitation admin."""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from portal.accounts import services
from portal.accounts.models import Invitation, User


class InvitationForm(forms.ModelForm):
    """The admin's "add invitation" form."""

    class Meta:
        model = Invitation
        fields = ("email", "full_name", "country", "organisation", "language")

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).strip().lower()
        services.invitation_check_address(email=email, exclude_pk=self.instance.pk)
        return email


class AcceptInvitationForm(auth_forms.SetPasswordMixin, forms.Form):
    """Full name and a password twice, checked by the site's password validators."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label1=_("Password"), label2=_("Password again")
    )

    def __init__(self, *args, invitation: Invitation, **kwargs):
        self.invitation = invitation
        kwargs.setdefault("initial", {"full_name": invitation.full_name})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        self.validate_passwords()
        # The validators compare the password with the name and address to be.
        candidate = User(
            email=self.invitation.email,
            full_name=cleaned.get("full_name", ""),
            organisation=self.invitation.organisation,
        )
        self.validate_password_for_user(candidate)
        return cleaned


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, but the mail is queued and rendered in the user's language.

    The view answers the same whatever the address, and the request does the same
    work either way (one lookup, no SMTP), so its timing tells nothing either.
    """

    def save(self, **kwargs) -> None:
        email = self.cleaned_data["email"]
        services.password_reset_request(email=email, users=self.get_users(email))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("full_name", "preferred_language", "country", "organisation")
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {
            "preferred_language": _(
                "The language of the site and of the mails we send you."
            ),
        }
