"""Admin pieces every app shares: the tabbed ru/en admin, language completeness and
the status actions of publishable content.

Status changes go through ``portal.services`` (permissions, transitions, the outbox
Event); the admin only reports what the services did or refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from csp.constants import NONCE
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.functions import Trim
from django.db.models.lookups import Exact
from django.http import FileResponse, Http404, HttpRequest
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import get_translation_fields

from portal import services
from portal.publishing import Publishable
from portal.workflow.admin_views import WorkflowAdminMixin

admin.site.site_header = _("South-South cooperation portal — administration")
admin.site.site_title = _("South-South cooperation portal")
admin.site.index_title = _("Content, people and notifications")
# The index links the staff page of missing translations (portal/workflow/).
admin.site.index_template = "admin/workflow/index.html"

# At most this many refusals are listed one by one after an action.
MAX_REFUSALS_SHOWN = 10

PUBLISHING_FIELDSET = (
    _("Publishing"),
    {"fields": ("status", "publish_at", "published_at")},
)
RECORD_FIELDSET = (
    _("Record"),
    {
        "classes": ("collapse",),
        "fields": ("created_at", "created_by", "updated_at", "updated_by"),
    },
)
AUDIT_FIELDS = (
    "status",
    "published_at",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)


def missing_in(language: str, fields: tuple[str, ...]) -> Q:
    """Rows where at least one of ``fields`` is NULL or blank in ``language``.

    Queries do not apply modeltranslation's fallback, so the ``<field>_<code>``
    columns are named explicitly.
    """
    condition = Q()
    for field in fields:
        column = f"{field}_{language}"
        condition |= Q(**{f"{column}__isnull": True}) | Q(Exact(Trim(column), ""))
    return condition


def language_names() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


class LanguagesFilter(admin.SimpleListFilter):
    """Which items still lack a translation, computed in the database."""

    title = _("translation")
    parameter_name = "languages"

    def __init__(self, request, params, model, model_admin):
        self.fields = model_admin.get_required_translated_fields()
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [
            ("missing_ru", _("Missing Russian")),
            ("missing_en", _("Missing English")),
            ("complete", _("Complete in both")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "missing_ru":
            return queryset.filter(missing_in("ru", self.fields))
        if value == "missing_en":
            return queryset.filter(missing_in("en", self.fields))
        if value == "complete":
            return queryset.exclude(missing_in("ru", self.fields)).exclude(
                missing_in("en", self.fields)
            )
        return queryset


class TranslatedAdmin(TabbedTranslationAdmin):
    """ru/en fields in tabs, a "languages" column and a translation filter.

    ``required_translated_fields`` names what must be filled for a language to
    count as complete; publishable models declare it on the model.
    """

    required_translated_fields: tuple[str, ...] = ()
    # "example.org" means https://example.org (Django 6's default, asked for now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_required_translated_fields(self) -> tuple[str, ...]:
        return (
            getattr(self.model, "required_translated_fields", None)
            or self.required_translated_fields
        )

    def is_complete_in(self, obj, code: str) -> bool:
        return all(
            (getattr(obj, f"{field}_{code}", "") or "").strip()
            for field in self.get_required_translated_fields()
        )

    @admin.display(description=_("languages"))
    def languages(self, obj) -> str:
        names = language_names()
        items = []
        for code, name in names.items():
            if self.is_complete_in(obj, code):
                items.append(
                    (gettext("%(language)s: complete") % {"language": name}, code, "✓")
                )
            else:
                items.append(
                    (gettext("%(language)s: missing") % {"language": name}, code, "—")
                )
        return format_html_join(
            " ",
            '<span title="{}" style="white-space:nowrap">{} {}</span>',
            ((title, code.upper(), mark) for title, code, mark in items),
        )

    def render_change_form(self, request, context, *args, **kwargs):
        # The rich-text editor needs an inline import map; give it this request's
        # CSP nonce instead of allowing every inline script.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        response = super().render_change_form(request, context, *args, **kwargs)
        response._csp_update = {"script-src": [NONCE]}
        return response


class PartOfPublishableAdmin(admin.ModelAdmin):
    """What hangs off a publishable item (a partner's contacts, an activity's
    photos) follows its item: whoever may not edit the item as it stands (an
    editor, once it is in review or published) may not change its parts either.

    ``parent_field`` names the item; a part without one (a programme photo) is
    edited as before. These parts have no other way in than the admin.
    """

    parent_field = ""

    def _parent(self, obj):
        return getattr(obj, self.parent_field, None) if obj is not None else None

    def _may_edit_parent(self, request, obj) -> bool:
        parent = self._parent(obj)
        return parent is None or services.can_edit(request.user, parent)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit_parent(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit_parent(
            request, obj
        )

    def save_model(self, request, obj, form, change) -> None:
        # Moving a part onto (or off) an item the user may not edit is editing it.
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        if not self._may_edit_parent(request, obj):
            raise PermissionDenied
        if stored is not None and not self._may_edit_parent(request, stored):
            raise PermissionDenied
        super().save_model(request, obj, form, change)


class PublishableAdmin(WorkflowAdminMixin, TranslatedAdmin):
    """Drafts in both languages; status and schedule change only through the
    workflow buttons of the change page and the bulk actions (both call
    ``portal.services``, which checks each item)."""

    actions = (
        "submit_for_review",
        "publish_now",
        "publish_now_single_language",
        "archive",
        "unarchive",
    )
    list_per_page = 50

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # The schedule is set by the "Schedule" button (content_schedule), which
        # checks the languages and locks the item in review.
        readonly += [
            field for field in (*AUDIT_FIELDS, "publish_at") if field not in readonly
        ]
        return readonly

    def publish_permission(self) -> str:
        meta = self.model._meta
        return f"{meta.app_label}.publish_{meta.model_name}"

    def save_model(self, request, obj: Publishable, form, change) -> None:
        services.content_save(item=obj, by=request.user)

    def apply_service(
        self,
        request: HttpRequest,
        queryset: QuerySet,
        service: Callable[..., Publishable],
        done_message: Callable[[int], str],
        **options,
    ) -> None:
        """Run ``service`` on each item on its own; report successes and refusals."""
        done = 0
        refused: list[str] = []
        for item in queryset:
            try:
                service(item=item, by=request.user, **options)
            except PermissionDenied:
                refused.append(
                    gettext("“%(item)s”: you do not have permission to do this.")
                    % {"item": item}
                )
            except ValidationError as error:
                refused.append(
                    gettext("“%(item)s”: %(reason)s")
                    % {"item": item, "reason": " ".join(error.messages)}
                )
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item was refused.",
                    "%(count)d items were refused.",
                    len(refused),
                )
                % {"count": len(refused)},
                messages.ERROR,
            )
            for reason in refused[:MAX_REFUSALS_SHOWN]:
                self.message_user(request, reason, messages.ERROR)
            if len(refused) > MAX_REFUSALS_SHOWN:
                rest = len(refused) - MAX_REFUSALS_SHOWN
                self.message_user(
                    request,
                    ngettext("… and %(count)d more.", "… and %(count)d more.", rest)
                    % {"count": rest},
                    messages.ERROR,
                )

    @admin.action(description=_("Submit for review"))
    def submit_for_review(self, request, queryset):
        self.apply_service(
            request,
            queryset,
            services.content_submit,
            lambda n: (
                ngettext(
                    "%(count)d item was submitted for review.",
                    "%(count)d items were submitted for review.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Publish now"))
    def publish_now(self, request, queryset):
        self.apply_service(
            request,
            queryset,
            services.content_publish,
            lambda n: (
                ngettext(
                    "%(count)d item was published.",
                    "%(count)d items were published.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(
        description=_("Publish now, also items complete in one language only")
    )
    def publish_now_single_language(self, request, queryset):
        # Choosing this action is the explicit confirmation "Publish now" asks for.
        self.apply_service(
            request,
            queryset,
            services.content_publish,
            lambda n: (
                ngettext(
                    "%(count)d item was published.",
                    "%(count)d items were published.",
                    n,
                )
                % {"count": n}
            ),
            confirm_single_language=True,
        )

    @admin.action(description=_("Take out of the archive"))
    def unarchive(self, request, queryset):
        self.apply_service(
            request,
            queryset,
            services.content_unarchive,
            lambda n: (
                ngettext(
                    "%(count)d item was taken out of the archive.",
                    "%(count)d items were taken out of the archive.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Archive"))
    def archive(self, request, queryset):
        self.apply_service(
            request,
            queryset,
            services.content_archive,
            lambda n: (
                ngettext(
                    "%(count)d item was archived.", "%(count)d items were archived.", n
                )
                % {"count": n}
            ),
        )


def thumbnail(image, size: int = 48) -> str:
    """A small preview of a public image (logos, photos) for list columns."""
    if not image:
        return "—"
    return format_html(
        '<img src="{}" alt="" style="max-width:{}px;max-height:{}px">',
        image.url,
        size,
        size,
    )


def admin_link(obj) -> str:
    """A link to the admin page of any object, or its text when it has none."""
    if obj is None:
        return "—"
    meta = obj._meta
    try:
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return str(obj)
    return format_html('<a href="{}">{}</a>', url, obj)


def private_file_url(file) -> str:
    """The staff download view of a file kept in private storage."""
    meta = file.instance._meta
    return reverse(
        f"admin:{meta.app_label}_{meta.model_name}_private_file",
        args=[file.instance.pk, file.field.name],
    )


class PrivateFileLink:
    """What the file widget's template reads: a name and a URL (never storage.url)."""

    def __init__(self, file):
        self.url = private_file_url(file)
        self.name = PurePath(file.name).name

    def __str__(self) -> str:
        return self.name


class PrivateFileWidget(AdminFileWidget):
    """A file input whose current file links to the staff download view."""

    def is_initial(self, value) -> bool:
        return bool(value and getattr(getattr(value, "instance", None), "pk", None))

    def format_value(self, value):
        if self.is_initial(value):
            return PrivateFileLink(value)
        return None


class PrivateFilesAdmin(admin.ModelAdmin):
    """File fields in private storage: edited with ``PrivateFileWidget`` and
    downloaded by staff through an admin view that checks their permission.

    ``private_file_fields`` names the model fields (untranslated names).
    """

    private_file_fields: tuple[str, ...] = ()

    def _private_field_names(self) -> list[str]:
        """The concrete fields: ``document_ru`` and ``document_en`` for a
        translated ``document``."""
        names = []
        for name in self.private_file_fields:
            translated = [
                field
                for field in get_translation_fields(name)
                if any(f.name == field for f in self.model._meta.concrete_fields)
            ]
            names.extend(translated or [name])
        return names

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The untranslated name too: modeltranslation copies its widget.
        if db_field.name in {*self.private_file_fields, *self._private_field_names()}:
            kwargs["widget"] = PrivateFileWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "<path:object_id>/file/<str:field_name>/",
                self.admin_site.admin_view(self.private_file_view),
                name=f"{meta.app_label}_{meta.model_name}_private_file",
            ),
            *super().get_urls(),
        ]

    def private_file_view(self, request, object_id: str, field_name: str):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or field_name not in self._private_field_names():
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        file = getattr(obj, field_name)
        if not file:
            raise Http404
        return FileResponse(
            file.open("rb"), as_attachment=True, filename=PurePath(file.name).name
        )

    def get_fieldsets(self, request, obj=None):
        # Django's read-only display would ask the storage for a public URL: a
        # view-only page lists the files as links to the download view instead.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        names = self._private_field_names()
        patched = []
        for title, options in fieldsets:
            fields = list(options["fields"])
            private = [field for field in fields if field in names]
            if private:
                at = fields.index(private[0])
                fields = [field for field in fields if field not in names]
                fields.insert(at, "private_files")
            patched.append((title, {**options, "fields": fields}))
        return patched

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "private_files"]

    @admin.display(description=_("files"))
    def private_files(self, obj) -> str:
        links = [
            PrivateFileLink(getattr(obj, name))
            for name in self._private_field_names()
            if getattr(obj, name)
        ]
        return (
            format_html_join(
                " ", '<a href="{}">{}</a>', ((link.url, link.name) for link in links)
            )
            or "—"
        )
