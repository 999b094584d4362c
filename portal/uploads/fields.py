"""Model and form fields whose uploads go through ``check_upload``.

The model fields give every ModelForm (the admin's included) a form field that
checks and normalises the upload, and a validator that checks any new file that
reaches ``full_clean`` some other way. Files already stored are not re-read.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .checks import ATTACHMENTS, DOCUMENTS, IMAGES, TYPES, check_upload


def _accept_attribute(accept: tuple[str, ...]) -> str:
    """The file picker's hint; the server decides regardless."""
    return ",".join(
        sorted(
            {TYPES[key].mime for key in accept}
            | {TYPES[key].extension for key in accept}
        )
    )


@deconstructible(path="portal.uploads.UploadValidator")
class UploadValidator:
    """Checks a newly assigned file; stored files (``_committed``) are left alone."""

    def __init__(self, accept: tuple[str, ...]):
        self.accept = tuple(accept)

    def __call__(self, value) -> None:
        if not value or getattr(value, "_committed", True):
            return
        check_upload(value.file, accept=self.accept)

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator) and other.accept == self.accept

    def __hash__(self) -> int:
        return hash(self.accept)


class UploadFormField(forms.FileField):
    """A file field that returns the checked, renamed (and for images re-encoded) file."""

    def __init__(self, *, accept: tuple[str, ...] = ATTACHMENTS, **kwargs):
        self.accept = tuple(accept)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", _accept_attribute(self.accept))

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            value = check_upload(value, accept=self.accept)
        return value


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleUploadField(UploadFormField):
    """Several files at once (at most ``max_files``); each checked on its own."""

    widget = MultipleFileInput

    def __init__(self, *, max_files: int, **kwargs):
        self.max_files = max_files
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [
            item
            for item in (data if isinstance(data, list | tuple) else [data])
            if item
        ]
        if not files:
            return super().clean(None, initial) or []
        if len(files) > self.max_files:
            raise ValidationError(
                ngettext_lazy(
                    "Attach at most %(limit)d file.",
                    "Attach at most %(limit)d files.",
                    "limit",
                ),
                code="max_files",
                params={"limit": self.max_files},
            )
        checked, errors = [], []
        for item in files:
            name = str(getattr(item, "name", ""))
            try:
                checked.append(super().clean(item, initial))
            except ValidationError as error:
                errors.extend(
                    ValidationError(
                        _("“%(name)s”: %(error)s"),
                        code=getattr(error, "code", None) or "invalid",
                        params={"name": _short(name), "error": message},
                    )
                    for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return checked


def _short(name: str, length: int = 60) -> str:
    """A hostile name shown back to its sender: printable and short."""
    printable = "".join(
        char
        for char in name
        if char.isprintable() and char not in "\u202e\u202d\u200f\u200e"
    )
    return printable if len(printable) <= length else printable[: length - 1] + "…"


class CheckedUploadMixin:
    """A file field that accepts only the types in ``accept`` (see ``checks``)."""

    default_accept: tuple[str, ...] = ()

    def __init__(self, *args, accept: tuple[str, ...] | None = None, **kwargs):
        self.accept = tuple(self.default_accept if accept is None else accept)
        super().__init__(*args, **kwargs)
        self.default_validators = [UploadValidator(self.accept)]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["accept"] = self.accept
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": UploadFormField,
                "accept": self.accept,
                # The stored name is generated: the uploader's may be any length.
                "max_length": None,
                **kwargs,
            }
        )


class CheckedFileField(CheckedUploadMixin, models.FileField):
    """Documents: PDF, DOCX, XLSX, PPTX unless ``accept`` says otherwise."""

    default_accept = DOCUMENTS


class CheckedImageField(CheckedUploadMixin, models.ImageField):
    """Images limited to JPEG, PNG and WebP, re-encoded on upload."""

    default_accept = IMAGES
