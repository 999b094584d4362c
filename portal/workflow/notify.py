"""The mail an editor gets when a publisher returns their item with a comment."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from portal.models import ReviewComment
from portal.notifications import mail
from portal.notifications.services.sending import messages_send


def returned_notify(*, comment_id: int) -> int:
    """Send the comment to its recipient in their language; return 1 if sent."""
    comment = (
        ReviewComment.objects.select_related("content_type", "author", "recipient")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or comment.recipient is None:
        return 0
    recipient = comment.recipient
    if not recipient.is_active or not recipient.email:
        return 0
    item = comment.content_object
    if item is None:
        return 0
    language = recipient.preferred_language
    meta = item._meta
    with translation.override(language):
        kind = str(meta.verbose_name)
        url = mail.absolute_url(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])
        )
    text = mail.item_text(item, language)
    message = mail.build_message(
        template="admin/workflow/email/returned",
        context={
            "kind": kind,
            "title": mail.header_text(text.title, 300),
            "text_language": text.language,
            "comment": comment.text,
            "author": comment.author.get_full_name() if comment.author else "",
            "url": url,
        },
        to=recipient.email,
        language=language,
    )
    return messages_send([message])
