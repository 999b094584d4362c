"""Pages of a member's account: accept an invitation, profile, password reset and change.

Sign in, sign out and the password pages are Django's own views; only the
templates, the reset mail (queued, in the user's language) and the status of a
bad reset link (400, like a bad invitation link) are ours.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import UpdateView

from portal import throttle
from portal.accounts import services, tokens
from portal.accounts.forms import AcceptInvitationForm, PasswordResetForm, ProfileForm
from portal.clients import client_ip

# The invitation's account signs in with the plain backend: axes counts sign-in
# attempts with a password typed into the login form, not this one.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _bad_invitation(request, *, used: bool):
    return render(
        request,
        "accounts/invitation_bad_link.html",
        {"used": used, "max_age_days": settings.INVITATION_MAX_AGE.days},
        status=400,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def invitation_accept(request, token: str):
    try:
        invitation = tokens.read_token(token)
        services.invitation_check_usable(invitation=invitation)
    except tokens.BadToken:
        return _bad_invitation(request, used=False)
    except services.InvitationUnusable:
        return _bad_invitation(request, used=True)

    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, invitation=invitation
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationUnusable:  # the same link, submitted twice at once
            return _bad_invitation(request, used=True)
        login(request, user, backend=MODEL_BACKEND)  # a new session key
        with translation.override(user.preferred_language):
            return HttpResponseRedirect(reverse("accounts:profile"))
    return render(
        request,
        "accounts/invitation_accept.html",
        {"form": form, "invitation": invitation},
    )


def remember_language(response, language: str) -> None:
    """The language cookie: "/" and the next visit follow the member's choice."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class SignInView(auth_views.LoginView):
    """Django's sign-in; then the site moves to the member's preferred language.

    The page asked for (``next``) opens in that language when it has a version
    in it; the profile's "language of the site" promises as much.
    """

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        language = form.get_user().preferred_language
        if language in dict(settings.LANGUAGES):
            response["Location"] = translate_url(response["Location"], language)
            remember_language(response, language)
        return response


@method_decorator(never_cache, name="dispatch")
class ProfileView(LoginRequiredMixin, UpdateView):
    """The signed-in user's own details; a new language moves the site to it."""

    form_class = ProfileForm
    template_name = "accounts/profile.html"
    http_method_names = ["get", "head", "post"]

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "saved": "saved" in self.request.GET,
        }

    def form_valid(self, form):
        user = form.save()
        language = user.preferred_language
        with translation.override(language):
            url = reverse("accounts:profile")
        response = HttpResponseRedirect(f"{url}?saved=1")
        remember_language(response, language)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, with a limit per client IP (see ``services.RESETS_PER_IP``).

    Past it, a 429 page says so and nothing is sent. The per-address limit on
    mails is silent: the answer must not tell whether the address has an account.
    """

    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if services.password_reset_over_ip_limit(client_ip(self.request)):
            response = render(self.request, "accounts/throttled.html", status=429)
            response["Retry-After"] = str(throttle.HOUR)
            return response
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; a link that is altered, used or expired answers 400."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "max_age_days": settings.PASSWORD_RESET_TIMEOUT // (60 * 60 * 24),
        }

    def render_to_response(self, context, **response_kwargs):
        if not context.get("validlink"):
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")
