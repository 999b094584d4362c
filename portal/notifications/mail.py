"""Building the mails: text and HTML from one template pair, safe headers, links.

Everything here renders inside ``translation.override(language)`` so subjects,
bodies and the links (``/<lang>/...``) are in the recipient's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.notifications import tokens
from portal.notifications.models import Subscription

# A subject longer than this is cut: mail clients show about 60 to 80 characters.
SUBJECT_LENGTH = 150
_LINE_BREAKS = re.compile(r"[\r\n\t\x00-\x1f\x7f\u2028\u2029\x85]+")


def header_text(value: str, length: int = SUBJECT_LENGTH) -> str:
    """One line of plain text for a header: no CR/LF or control characters."""
    flat = " ".join(_LINE_BREAKS.sub(" ", str(value)).split())
    if len(flat) <= length:
        return flat
    # Cut by code points: Truncator counts combining marks as nothing, so its
    # result could pass the length a header must keep.
    return flat[: length - 1].rstrip() + "…"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def other_language(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return next((code for code in codes if code != language), language)


@dataclass(frozen=True)
class ItemText:
    """What a mail says about one published item, in one language."""

    kind: str
    title: str
    summary: str
    url: str
    language: str  # the language of title and summary
    fallback: bool  # True when the reader's language was missing


def item_text(item, language: str) -> ItemText:
    """Title and summary in ``language``, else in the other one (``fallback``)."""
    complete = item.complete_languages()
    text_language = language
    if language not in complete and complete:
        text_language = complete[0]
    # Partners have a name where the other kinds have a title.
    title_field = "title" if hasattr(item, "title_ru") else "name"
    title = getattr(item, f"{title_field}_{text_language}", "") or str(item)
    summary = getattr(item, f"summary_{text_language}", "") or ""
    with translation.override(language):
        kind = str(item._meta.verbose_name)
        url = absolute_url(item.get_absolute_url())
    return ItemText(
        kind=kind[:1].upper() + kind[1:],
        title=header_text(title, 300),
        summary=summary,
        url=url,
        language=text_language,
        fallback=text_language != language,
    )


def subscription_links(subscription: Subscription) -> dict[str, str]:
    """Preferences and one-click unsubscribe links, in the subscriber's language."""
    with translation.override(subscription.language):
        manage = reverse(
            "notifications:manage",
            kwargs={"token": tokens.make_token(subscription, tokens.MANAGE)},
        )
        unsubscribe = reverse(
            "notifications:unsubscribe",
            kwargs={"token": tokens.make_token(subscription, tokens.UNSUBSCRIBE)},
        )
    return {
        "manage_url": absolute_url(manage),
        "unsubscribe_url": absolute_url(unsubscribe),
    }


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def build_message(
    *,
    template: str,
    context: dict,
    to: str,
    language: str,
    headers: dict[str, str] | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """``template``.subject.txt, .txt and .html rendered in ``language``."""
    context = {"site_url": absolute_url("/"), **context}
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=header_text(subject),
        body=text,
        to=[header_text(to, 254)],
        headers={
            name: header_text(value, 998) for name, value in (headers or {}).items()
        },
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def subscriber_message(
    *, subscription: Subscription, template: str, context: dict, connection=None
) -> EmailMultiAlternatives:
    """A mail to a subscriber: their language, their links, List-Unsubscribe."""
    links = subscription_links(subscription)
    return build_message(
        template=template,
        context={**context, **links, "subscription": subscription},
        to=subscription.email,
        language=subscription.language,
        headers=unsubscribe_headers(links["unsubscribe_url"]),
        connection=connection,
    )
