"""The base of every spreadsheet ("sheet") definition: identity, workflow, languages.

Named ``...Sheet`` in the apps (``partners/resources_io.py``...): the library calls
these classes "resources", and our domain already has a Resource model.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from portal import services
from portal.publishing import Status

# Every imported row must have the required texts in the default language: Russian
# is required, English may follow (translated columns are nullable, trap 4).
REQUIRED_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _same(new, old) -> bool:
    """Equal as a sheet sees them: an empty cell is both NULL and ""."""
    if _blank(new) and _blank(old):
        return True
    return new == old


def text(column: str) -> fields.Field:
    return fields.Field(
        attribute=column, column_name=column, widget=widgets.CharWidget()
    )


def per_language(*names: str) -> tuple[str, ...]:
    """One column per language for each translated field: title_ru, title_en..."""
    return tuple(
        f"{name}_{code}" for name in names for code, _label in settings.LANGUAGES
    )


class SpreadsheetResource(resources.ModelResource):
    """Rows keyed by slug; imports write drafts through ``portal.services``.

    The user comes with the import (``import_data(..., user=...)``, as the admin
    passes it); without the model's add and change permissions nothing is read.
    """

    slug = text("slug")
    # Shown in exports so staff see what they edit; an import never sets it.
    status = fields.Field(attribute="status", column_name="status", readonly=True)

    class Meta:
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    @classmethod
    def get_display_name(cls) -> str:
        return str(cls._meta.model._meta.verbose_name_plural).capitalize()

    def get_user_visible_fields(self):
        # The import page lists what a sheet can set: not the read-only status.
        return [
            field for field in super().get_user_visible_fields() if not field.readonly
        ]

    # What an import may do.

    def _perm(self, action: str) -> str:
        opts = self._meta.model._meta
        return f"{opts.app_label}.{get_permission_codename(action, opts)}"

    def may_import(self, user) -> bool:
        return bool(
            user is not None
            and user.has_perm(self._perm("add"))
            and user.has_perm(self._perm("change"))
        )

    def import_data(self, dataset, **kwargs):
        """Import ``dataset`` as ``kwargs["user"]``: all rows or nothing."""
        user = kwargs.get("user")
        if not self.may_import(user):
            # Refused before any row is read.
            result = self.get_result_class()()
            result.total_rows = len(dataset)
            refusal = PermissionDenied(
                _("You do not have permission to import %(items)s.")
                % {"items": self._meta.model._meta.verbose_name_plural}
            )
            self.handle_import_error(result, refusal, kwargs.get("raise_errors", False))
            return result
        self.user = user
        self.may_publish = user.has_perm(self._perm("publish"))
        self.seen_slugs: set[str] = set()
        # Whoever calls it: a bad row rolls back the rest, validation errors too.
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import_row(self, row, **kwargs):
        slug = row.get("slug")
        slug = "" if slug is None else str(slug).strip()
        row["slug"] = slug
        if not slug:
            raise ValidationError({"slug": _("Every row needs a slug.")})
        if slug in self.seen_slugs:
            raise ValidationError(
                {
                    "slug": _("The slug “%(slug)s” is in the sheet twice.")
                    % {"slug": slug}
                }
            )
        self.seen_slugs.add(slug)

    def import_instance(self, instance, row, **kwargs):
        """Field values, and the many-to-many keys checked now (the library would
        only read them after saving, and drop unknown ones)."""
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget):
                continue
            if field.column_name not in row:
                continue
            try:
                field.clean(row)
            except ValueError as error:
                errors.setdefault(field.attribute, []).append(
                    ValidationError(str(error), code="invalid")
                )
        if errors:
            raise ValidationError(errors)

    def workflow_errors(self, instance) -> dict:
        """A row may change a draft; an item past the draft stage needs a publisher."""
        if instance.pk is None or instance.status == Status.DRAFT or self.may_publish:
            return {}
        return {
            "status": [
                ValidationError(
                    _(
                        "“%(slug)s” is %(status)s: only a publisher may change it "
                        "by import."
                    )
                    % {"slug": instance.slug, "status": Status(instance.status).label},
                    code="workflow",
                )
            ]
        }

    def language_errors(self, instance) -> dict:
        errors = {}
        for name in self._meta.model.required_translated_fields:
            column = f"{name}_{REQUIRED_LANGUAGE}"
            if _blank(getattr(instance, column, None)):
                errors[column] = [
                    ValidationError(_("Required in Russian."), code="required")
                ]
        return errors

    def validate_instance(
        self, instance, import_validation_errors=None, validate_unique=True
    ):
        errors = dict(import_validation_errors or {})
        for extra in (self.workflow_errors(instance), self.language_errors(instance)):
            for key, messages in extra.items():
                errors.setdefault(key, []).extend(messages)
        super().validate_instance(instance, errors, validate_unique)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged rows are reported as skipped: an export imports back as no
        change. An empty cell matches NULL and "" alike."""
        if import_validation_errors:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row or field.readonly:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                new = {obj.pk for obj in field.clean(row)}
                old = (
                    set()
                    if original.pk is None
                    else {obj.pk for obj in field.get_value(original).all()}
                )
                if new != old:
                    return False
            elif not _same(field.get_value(instance), field.get_value(original)):
                return False
        return original.pk is not None

    def do_instance_save(self, instance, is_create):
        # The same save as the admin's: its workflow checks, full_clean, created_by
        # and updated_by. A refusal is the row's error, shown with the others.
        try:
            services.content_save(item=instance, by=self.user)
        except PermissionDenied as refusal:
            raise ValidationError({NON_FIELD_ERRORS: [str(refusal)]}) from None

    def filter_export(self, queryset, **kwargs):
        return self.with_export_data(queryset)

    def with_export_data(self, queryset):
        """The relations every exported row shows, fetched along (a few queries
        for the whole export, whatever its size)."""
        return queryset
