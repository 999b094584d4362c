"""Workflow buttons on a publishable item's admin page, and the screens behind them.

Every button POSTs to ``<object_id>/workflow/<action>/``, which calls the service
of ``portal.services``; the buttons shown follow ``content_actions`` (the same
rules), but a hidden button proves nothing: the services refuse by themselves.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import preview, services
from portal.models import ReviewComment

ACTION_LABELS = {
    "submit": _("Submit for review"),
    "return": _("Return with comment"),
    "publish": _("Publish now"),
    "schedule": _("Schedule"),
    "archive": _("Archive"),
    "unarchive": _("Take out of the archive"),
}
# Actions that ask for more (a comment, a time) on a page of their own.
FORM_ACTIONS = frozenset({"return", "schedule"})
DONE_MESSAGES = {
    "submit": _("“%(title)s” was submitted for review."),
    "return": _("“%(title)s” was returned to draft with your comment."),
    "publish": _("“%(title)s” was published."),
    "schedule": _("“%(title)s” will be published at %(time)s."),
    "archive": _("“%(title)s” was archived."),
    "unarchive": _("“%(title)s” was taken out of the archive; it is a draft again."),
}
SIMPLE_SERVICES = {
    "submit": services.content_submit,
    "archive": services.content_archive,
    "unarchive": services.content_unarchive,
}
COMMENT_MAX_LENGTH = 5000


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_(
            "The editor receives this comment by e-mail; it stays on the item."
        ),
    )


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    confirm_single_language = forms.BooleanField(
        label=_("Publish it although it is complete in one language only"),
        required=False,
    )

    def __init__(self, *args, single_language: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].help_text = gettext("Time zone: %(zone)s.") % {
            "zone": timezone.get_current_timezone_name()
        }
        if not single_language:
            del self.fields["confirm_single_language"]


def _refuse(request, obj=None) -> bool:
    return False


def single_language(item) -> bool:
    complete = item.complete_languages()
    return 0 < len(complete) < len(settings.LANGUAGES)


class WorkflowAdminMixin:
    """For ``PublishableAdmin``: the buttons, the review comments, the previews."""

    change_form_template = "admin/workflow/change_form.html"

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "<path:object_id>/workflow/<slug:action>/",
                self.admin_site.admin_view(self.workflow_view),
                name=f"{meta.app_label}_{meta.model_name}_workflow",
            ),
            *super().get_urls(),
        ]

    # --- the change page -----------------------------------------------------

    def has_change_permission(self, request, obj=None):
        # An item in review or beyond is the publishers' (see portal/services.py);
        # for the others its page is read-only.
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None:
            return allowed
        return services.can_edit(request.user, obj)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and not services.can_edit(request.user, obj):
            # Out of this user's hands: its contacts, photos... are read-only too.
            for inline in inlines:
                inline.has_add_permission = _refuse
                inline.has_change_permission = _refuse
                inline.has_delete_permission = _refuse
        return inlines

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        if change and obj is not None:
            context["workflow"] = self.workflow_context(request, obj)
        return super().render_change_form(request, context, add, change, **kwargs)

    def workflow_url(self, obj, action: str) -> str:
        meta = self.model._meta
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_workflow",
            args=[obj.pk, action],
            current_app=self.admin_site.name,
        )

    def change_url(self, obj) -> str:
        meta = self.model._meta
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )

    def workflow_context(self, request, obj) -> dict:
        actions = [
            {
                "name": action,
                "label": ACTION_LABELS[action],
                "url": self.workflow_url(obj, action),
                "form_page": action in FORM_ACTIONS,
            }
            for action in services.content_actions(item=obj, by=request.user)
        ]
        comments = ReviewComment.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("author")
        return {
            "status": obj.get_status_display(),
            "status_code": obj.status,
            "publish_at": obj.publish_at,
            "actions": actions,
            "comments": list(comments),
            "can_edit": services.can_edit(request.user, obj),
            "previews": preview_links(obj),
        }

    # --- the buttons' target ---------------------------------------------------

    def workflow_view(self, request, object_id: str, action: str):
        if action not in services.STEPS:
            raise Http404
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        # A missing permission is a 403; an illegal step a message on the item.
        try:
            services.content_check(item=obj, by=request.user, action=action)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect(self.change_url(obj))
        if action == "return":
            return self.return_view(request, obj)
        if action == "schedule":
            return self.schedule_view(request, obj)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action == "publish":
            return self.publish_view(request, obj)
        try:
            SIMPLE_SERVICES[action](item=obj, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.done(request, obj, action)
        return redirect(self.change_url(obj))

    def done(self, request, obj, action: str, **values) -> None:
        self.message_user(
            request,
            DONE_MESSAGES[action] % {"title": obj, **values},
            messages.SUCCESS,
        )

    def workflow_page(self, request, obj, template: str, **context):
        meta = self.model._meta
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": meta,
                "original": obj,
                "change_url": self.change_url(obj),
                **context,
            },
        )

    def return_view(self, request, obj):
        form = ReturnForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                services.content_return(
                    item=obj, by=request.user, comment=form.cleaned_data["comment"]
                )
            except ValidationError as error:
                form.add_error("comment", error)
            else:
                self.done(request, obj, "return")
                return redirect(self.change_url(obj))
        return self.workflow_page(
            request,
            obj,
            "admin/workflow/return.html",
            title=gettext("Return “%(title)s” with a comment") % {"title": obj},
            form=form,
        )

    def schedule_view(self, request, obj):
        form = ScheduleForm(
            request.POST if request.method == "POST" else None,
            single_language=single_language(obj),
        )
        if form.is_valid():
            publish_at = form.cleaned_data["publish_at"]
            try:
                services.content_schedule(
                    item=obj,
                    by=request.user,
                    publish_at=publish_at,
                    confirm_single_language=form.cleaned_data.get(
                        "confirm_single_language", False
                    ),
                )
            except ValidationError as error:
                field = (
                    "publish_at"
                    if getattr(error, "code", None) == "publish_at_past"
                    else None
                )
                form.add_error(field, error)
            else:
                self.done(
                    request,
                    obj,
                    "schedule",
                    time=timezone.localtime(publish_at).strftime("%Y-%m-%d %H:%M"),
                )
                return redirect(self.change_url(obj))
        return self.workflow_page(
            request,
            obj,
            "admin/workflow/schedule.html",
            title=gettext("Schedule the publication of “%(title)s”") % {"title": obj},
            form=form,
        )

    def publish_view(self, request, obj):
        confirmed = request.POST.get("confirm_single_language") == "yes"
        try:
            services.content_publish(
                item=obj, by=request.user, confirm_single_language=confirmed
            )
        except services.SingleLanguageError as error:
            return self.workflow_page(
                request,
                obj,
                "admin/workflow/confirm_publish.html",
                title=gettext("Publish “%(title)s” in one language?") % {"title": obj},
                reason=" ".join(error.messages),
                action_url=self.workflow_url(obj, "publish"),
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.done(request, obj, "publish")
        return redirect(self.change_url(obj))


def preview_links(obj) -> list[dict]:
    """ "Preview (Russian)" and "Preview (English)", where the model has a page."""
    if obj._meta.label_lower not in preview.PREVIEWABLE:
        return []
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse(
                "preview:detail",
                kwargs={
                    "app_label": obj._meta.app_label,
                    "model_name": obj._meta.model_name,
                    "pk": obj.pk,
                },
            )
        links.append(
            {
                "code": code,
                "url": url,
                "label": gettext("Preview (%(language)s)") % {"language": name},
            }
        )
    return links
