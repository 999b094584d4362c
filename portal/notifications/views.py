"""Subscribing pages: subscribe, confirm, manage, unsubscribe, and "my subscription".

Links from mails carry signed tokens (tokens.py); a link that is forged, altered,
expired or made for another page gets a 400 page that offers a new link. A GET
never changes anything: each change is a POST from a button.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from portal.clients import client_ip
from portal.notifications import subscriptions
from portal.notifications.forms import PreferencesForm, SubscribeForm
from portal.notifications.tokens import (
    CONFIRM,
    MANAGE,
    UNSUBSCRIBE,
    BadToken,
    make_token,
    read_token,
)
from portal.taxonomy.models import Theme

GET_AND_POST = ["GET", "HEAD", "POST"]


def _bad_link(request):
    return render(request, "notifications/bad_link.html", status=400)


def _throttled(request):
    response = render(request, "notifications/throttled.html", status=429)
    response["Retry-After"] = str(subscriptions.HOUR)
    return response


def _subscribe_initial(request) -> dict:
    """Prefill from the footer form (?email=) or a theme list (?theme=slug)."""
    initial = {"language": request.LANGUAGE_CODE}
    email = request.GET.get("email", "")[:254]
    if email:
        initial["email"] = email
    slugs = request.GET.getlist("theme")[:20]
    if slugs:
        initial["themes"] = list(Theme.objects.filter(slug__in=slugs))
    return initial


@never_cache
@require_http_methods(GET_AND_POST)
def subscribe(request):
    if request.method != "POST":
        form = SubscribeForm(initial=_subscribe_initial(request))
        return render(request, "notifications/subscribe.html", {"form": form})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "notifications/subscribe.html", {"form": form})
    if not form.is_robot():
        try:
            subscriptions.subscription_request(
                email=form.cleaned_data["email"],
                ip=client_ip(request),
                **form.preferences(),
            )
        except subscriptions.Throttled:
            return _throttled(request)
    # The same answer whatever the address: it must not tell who is subscribed.
    return HttpResponseRedirect(reverse("notifications:sent"))


@require_safe
def subscribe_sent(request):
    return render(request, "notifications/sent.html")


@never_cache
@require_http_methods(GET_AND_POST)
def confirm(request, token: str):
    try:
        subscription = read_token(token, CONFIRM)
    except BadToken:
        return _bad_link(request)
    if request.method == "POST":
        subscription = subscriptions.subscription_confirm(subscription=subscription)
    context = {
        "subscription": subscription,
        "confirmed": request.method == "POST",
        "summary": PreferencesForm.summary(subscription),
        "manage_token": make_token(subscription, MANAGE),
    }
    return render(request, "notifications/confirm.html", context)


@never_cache
@require_http_methods(GET_AND_POST)
def manage(request, token: str):
    try:
        subscription = read_token(token, MANAGE)
    except BadToken:
        return _bad_link(request)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscriptions.subscription_update(
                subscription=subscription, **form.preferences()
            )
            url = reverse("notifications:manage", kwargs={"token": token})
            return HttpResponseRedirect(f"{url}?saved=1")
    else:
        form = PreferencesForm(initial=PreferencesForm.initial_from(subscription))
    context = {
        "subscription": subscription,
        "form": form,
        "saved": "saved" in request.GET,
        "unsubscribe_token": make_token(subscription, UNSUBSCRIBE),
    }
    return render(request, "notifications/manage.html", context)


# The RFC 8058 one-click POST comes from a mail client with no CSRF token; the
# signed token in the URL is what authorises it, so a forged request cannot
# unsubscribe anyone whose token it does not hold.
@csrf_exempt
@never_cache
@require_http_methods(GET_AND_POST)
def unsubscribe(request, token: str):
    try:
        subscription = read_token(token, UNSUBSCRIBE)
    except BadToken:
        return _bad_link(request)
    if request.method == "POST":
        subscription = subscriptions.subscription_unsubscribe(subscription=subscription)
    context = {
        "subscription": subscription,
        "done": request.method == "POST",
        "manage_token": make_token(subscription, MANAGE),
    }
    return render(request, "notifications/unsubscribe.html", context)


@never_cache
@login_required
@require_http_methods(GET_AND_POST)
def mine(request):
    """A signed-in user's own subscription, at their account's address."""
    subscription = subscriptions.subscription_for_user(request.user)
    active = subscription is not None and subscriptions.is_active(subscription)
    if request.method == "POST" and request.POST.get("action") == "unsubscribe":
        if subscription is not None:
            subscriptions.subscription_unsubscribe(subscription=subscription)
        return HttpResponseRedirect(reverse("notifications:mine") + "?left=1")
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscriptions.subscription_save_for_user(
                user=request.user, **form.preferences()
            )
            return HttpResponseRedirect(reverse("notifications:mine") + "?saved=1")
    elif subscription is not None:
        form = PreferencesForm(initial=PreferencesForm.initial_from(subscription))
    else:
        form = PreferencesForm(initial={"language": request.user.preferred_language})
    context = {
        "subscription": subscription,
        "active": active,
        "form": form,
        "saved": "saved" in request.GET,
        "left": "left" in request.GET,
    }
    return render(request, "notifications/mine.html", context)
