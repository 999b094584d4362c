"""Import and export buttons in the admin of partners, activities and resources."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ImportForm

from portal.uploads.checks import check_upload

from .formats import FORMATS


def max_import_bytes() -> int:
    return settings.IMPORT_MAX_MB * 1024 * 1024


class SpreadsheetImportForm(ImportForm):
    """The upload step: a CSV or XLSX file within IMPORT_MAX_MB."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.import_formats = formats

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
        allowed = [fmt().get_extension() for fmt in FORMATS]
        if extension not in allowed:
            raise forms.ValidationError(
                _("Upload a spreadsheet in one of these formats: %(formats)s.")
                % {"formats": ", ".join(ext.upper() for ext in allowed)},
                code="file_type",
            )
        if upload.size > max_import_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB; split it into smaller sheets.")
                % {"size": settings.IMPORT_MAX_MB},
                code="file_size",
            )
        if extension == "xlsx":
            # The site's upload rules: a workbook by its content, not its name.
            # (CSV is plain text: reading it as UTF-8 is its check.)
            upload = check_upload(upload, accept=("xlsx",))
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        chosen = cleaned.get("format")
        if upload and chosen not in (None, ""):
            fmt = self.import_formats[int(chosen)]()
            if not upload.name.lower().endswith("." + fmt.get_extension()):
                self.add_error(
                    "format",
                    _("The format chosen does not match the file's extension."),
                )
        return cleaned


class SpreadsheetImportExportMixin(ImportExportMixin):
    """CSV and XLSX only; import needs the add and change permissions, export the
    view permission. The rows' own rules live in the sheet (portal/imports/)."""

    formats = FORMATS
    import_form_class = SpreadsheetImportForm
    # Excel reads a CSV as UTF-8 (Cyrillic) only with a byte order mark.
    to_encoding = "utf-8-sig"

    def _has(self, request, action: str) -> bool:
        opts = self.opts
        codename = get_permission_codename(action, opts)
        return request.user.has_perm(f"{opts.app_label}.{codename}")

    def has_import_permission(self, request) -> bool:
        return self._has(request, "add") and self._has(request, "change")

    def has_export_permission(self, request) -> bool:
        return self._has(request, "view") or self._has(request, "change")

    def process_import(self, request, **kwargs):
        """The confirm step, refusing a tampered or expired form before the library
        reads it (it would fail with a server error)."""
        if request.method == "POST" and self.has_import_permission(request):
            form = ConfirmImportForm(request.POST)
            if not form.is_valid():
                return HttpResponseBadRequest(_("The import form is incomplete."))
            chosen = form.cleaned_data["format"]
            formats = self.get_import_formats()
            if not chosen.isdigit() or int(chosen) >= len(formats):
                return HttpResponseBadRequest(_("Unknown file format."))
            resource = form.cleaned_data.get("resource") or "0"
            if not resource.isdigit() or int(resource) >= len(
                self.get_import_resource_classes(request)
            ):
                return HttpResponseBadRequest(_("Unknown kind of sheet."))
            storage = self.get_tmp_storage_class()(
                name=form.cleaned_data["import_file_name"]
            )
            if storage.read() is None:
                messages.error(
                    request,
                    _("The uploaded file is no longer available: upload it again."),
                )
                opts = self.opts
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_import")
                )
        return super().process_import(request, **kwargs)

    def process_result(self, result, request):
        # The sheet changed since its dry run, or the confirmation was forged: the
        # sheet rolled back (portal/imports/resources.py), so say so rather than
        # log and announce rows that were never written.
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _(
                    "The sheet has errors: nothing was imported. Upload it again to "
                    "see them."
                ),
            )
            opts = self.opts
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_import")
            )
        return super().process_result(result, request)
