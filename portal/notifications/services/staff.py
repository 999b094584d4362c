"""Staff notifications: the Publishers hear about what waits for them."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from portal.accounts.models import PUBLISHERS_GROUP, User
from portal.notifications import mail, tasks

from .outbox import queue_on_commit
from .sending import messages_send


def content_submitted_notify(*, item) -> None:
    """Tell the Publishers that ``item`` waits for review (queued on commit)."""
    content_type = ContentType.objects.get_for_model(item)
    queue_on_commit(tasks.notify_publishers, content_type.pk, item.pk)


def proposal_submitted_notify(*, proposal) -> None:
    """Tell the Publishers that a mission sent ``proposal`` (queued on commit)."""
    content_type = ContentType.objects.get_for_model(proposal)
    queue_on_commit(tasks.notify_publishers, content_type.pk, proposal.pk)


def publishers_notify(*, content_type_id: int, object_id: int) -> int:
    """Mail every active publisher, each in their language; return how many."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model._default_manager.filter(pk=object_id).first()
    if obj is None:
        return 0
    publishers = User.objects.filter(
        is_active=True, groups__name=PUBLISHERS_GROUP
    ).distinct()
    is_proposal = obj._meta.label_lower == "proposals.proposal"
    author = obj.submitted_by if is_proposal else obj.updated_by
    change_path = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change"
    messages = []
    for user in publishers:
        messages.append(
            mail.build_message(
                template="notifications/email/staff",
                context=_staff_context(obj, user.preferred_language, change_path)
                | {"proposal": is_proposal, "author": author or _("Someone")},
                to=user.email,
                language=user.preferred_language,
            )
        )
    return messages_send(messages)


def _staff_context(obj, language: str, change_path: str) -> dict:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        kind = str(obj._meta.verbose_name)
        url = mail.absolute_url(reverse(change_path, args=[obj.pk]))
    if hasattr(obj, "complete_languages"):
        text = mail.item_text(obj, language)
        title, summary, text_language = text.title, text.summary, text.language
    else:  # a proposal is written in one language, untranslated
        title, summary = obj.title, getattr(obj, "description", "")
        text_language = getattr(obj, "language", language)
    return {
        "kind": kind,
        "title": mail.header_text(title, 300),
        "summary": summary,
        "text_language": text_language,
        "url": url,
    }
