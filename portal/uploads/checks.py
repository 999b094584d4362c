"""What a file really is, read from its content; the allowlist and its limits.

Nothing here trusts the uploader's file name or the browser's content type: the
type is detected from the bytes (``filetype`` plus structural checks that a magic
number cannot make: a PDF must parse, an OOXML zip must declare its main part, an
image must decode). Images are re-encoded, which drops metadata and anything
appended after the image data.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree import ElementTree

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader

DOCUMENT = "document"
IMAGE = "image"


@dataclass(frozen=True)
class FileType:
    key: str
    label: str  # what people call it: PDF, DOCX, JPEG...
    extension: str  # the one the stored name gets
    mime: str
    group: str  # DOCUMENT or IMAGE: which size limit applies


TYPES: dict[str, FileType] = {
    t.key: t
    for t in (
        FileType("pdf", "PDF", ".pdf", "application/pdf", DOCUMENT),
        FileType(
            "docx",
            "DOCX",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            DOCUMENT,
        ),
        FileType(
            "xlsx",
            "XLSX",
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            DOCUMENT,
        ),
        FileType(
            "pptx",
            "PPTX",
            ".pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            DOCUMENT,
        ),
        FileType("jpeg", "JPEG", ".jpg", "image/jpeg", IMAGE),
        FileType("png", "PNG", ".png", "image/png", IMAGE),
        FileType("webp", "WebP", ".webp", "image/webp", IMAGE),
    )
}
DOCUMENTS: tuple[str, ...] = ("pdf", "docx", "xlsx", "pptx")
IMAGES: tuple[str, ...] = ("jpeg", "png", "webp")
ATTACHMENTS: tuple[str, ...] = DOCUMENTS + IMAGES

# The main part each OOXML type declares in [Content_Types].xml. Macro-enabled
# variants (docm, xlsm, pptm) declare other types and so are refused.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
# Zip bombs: a document unpacking to more than this, or with more parts, is refused
# before anyone (the text extractor, a visitor's office suite) opens it.
OOXML_MAX_UNPACKED = 400 * 1024 * 1024
OOXML_MAX_PARTS = 5000
PIL_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}
HEAD_BYTES = 8192

_HTML_START = re.compile(
    rb"^\s*(<!doctype\s+html|<html|<head|<body|<script|<iframe|<meta|<!--|<a\s|<div|<p>|<title)",
    re.IGNORECASE,
)
_SVG = re.compile(rb"<svg[\s>]", re.IGNORECASE)
_XML_START = re.compile(rb"^\s*<\?xml", re.IGNORECASE)
# Control and formatting characters (NUL, RTL override...) never reach a name.
_UNSAFE_NAME_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
DISPLAY_NAME_LENGTH = 120


@dataclass(frozen=True)
class CheckedUpload:
    """An accepted upload: its detected type and a name safe to show."""

    type: FileType
    display_name: str


def _allowed_labels(accept: tuple[str, ...]) -> str:
    return ", ".join(TYPES[key].label for key in accept)


def _refuse(message, accept: tuple[str, ...], code: str, **params) -> ValidationError:
    """A refusal that ends by saying what is allowed."""
    text = format_lazy("{} {}", message, _("Allowed: %(allowed)s."))
    return ValidationError(
        text, code=code, params={**params, "allowed": _allowed_labels(accept)}
    )


def limit_bytes(group: str) -> int:
    megabytes = (
        settings.UPLOAD_MAX_IMAGE_MB
        if group == IMAGE
        else settings.UPLOAD_MAX_DOCUMENT_MB
    )
    return megabytes * 1024 * 1024


def display_name(name: str, file_type: FileType) -> str:
    """The uploader's name made harmless to show and to offer as a download name.

    Only the last path part; no control or direction characters; the extension
    of the detected type, so "invoice\\u202efdp.exe" cannot pose as a PDF.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(
        " " if unicodedata.category(char) in _UNSAFE_NAME_CATEGORIES else char
        for char in name
    )
    stem = PurePath(" ".join(name.split())).stem.strip(" .")
    stem = stem[: DISPLAY_NAME_LENGTH - len(file_type.extension)].rstrip(" .")
    return f"{stem or 'file'}{file_type.extension}"


def _claimed_type(name: str) -> FileType | None:
    suffix = PurePath(str(name or "")).suffix.lower()
    return next(
        (t for t in TYPES.values() if suffix in {t.extension, f".{t.key}"}), None
    )


def _read_head(file) -> bytes:
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def _markup_refusal(head: bytes, name: str, accept: tuple[str, ...]):
    """SVG and HTML get their own message: they are what a script hides in."""
    text = head.lstrip(b"\xef\xbb\xbf")
    if _SVG.search(text) and (_XML_START.match(text) or text.lstrip().startswith(b"<")):
        return _refuse(
            _(
                "This file is an SVG drawing, which can carry scripts: it is not accepted."
            ),
            accept,
            "svg",
        )
    if _HTML_START.match(text) or b"<html" in text.lower():
        claimed = _claimed_type(name)
        if claimed is not None:
            return _refuse(
                _("This file is an HTML page, not a %(claimed)s."),
                accept,
                "html",
                claimed=claimed.label,
            )
        return _refuse(
            _("This file is an HTML page, which is not accepted."), accept, "html"
        )
    return None


def _detect(file, head: bytes, name: str, accept: tuple[str, ...]) -> FileType:
    if head.startswith(b"PK\x03\x04"):
        return TYPES[_ooxml_type(file, accept)]
    guess = filetype.guess(head)
    if guess is not None:
        for file_type in TYPES.values():
            if file_type.mime == guess.mime and file_type.group == IMAGE:
                return file_type
        if guess.mime == "application/pdf":
            return TYPES["pdf"]
        raise _refuse(
            _("This file is of a type that is not accepted (%(detected)s)."),
            accept,
            "type",
            detected=guess.extension.upper(),
        )
    refusal = _markup_refusal(head, name, accept)
    if refusal is not None:
        raise refusal
    raise _refuse(
        _("The type of this file could not be recognised from its content."),
        accept,
        "unknown",
    )


def _ooxml_type(file, accept: tuple[str, ...]) -> str:
    """docx, xlsx or pptx from the main part its [Content_Types].xml declares."""
    damaged = _refuse(
        _("This file is a ZIP archive, not a Word, Excel or PowerPoint document."),
        accept,
        "zip",
    )
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
            if len(parts) > OOXML_MAX_PARTS or (
                sum(part.file_size for part in parts) > OOXML_MAX_UNPACKED
            ):
                raise _refuse(
                    _("This document unpacks to far more data than a document holds."),
                    accept,
                    "zip_bomb",
                )
            names = {part.filename for part in parts}
            if "[Content_Types].xml" not in names:
                raise damaged
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise _refuse(
                    _("This document contains macros, which are not accepted."),
                    accept,
                    "macros",
                )
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1024 * 1024:
                raise damaged
            declared = archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        raise damaged from None
    finally:
        file.seek(0)
    if b"<!DOCTYPE" in declared.upper() or b"<!ENTITY" in declared.upper():
        raise damaged  # no DTDs: entity expansion is an attack, not a document
    try:
        root = ElementTree.fromstring(declared)  # noqa: S314 (no DTD, checked above)
    except ElementTree.ParseError:
        raise damaged from None
    declared_types = {element.get("ContentType", "") for element in root}
    for content_type, key in OOXML_MAIN_PARTS.items():
        if content_type in declared_types:
            return key
    if any("macroenabled" in value.lower() for value in declared_types):
        raise _refuse(
            _("This document contains macros, which are not accepted."),
            accept,
            "macros",
        )
    raise damaged


def _check_pdf(file, accept: tuple[str, ...]) -> None:
    damaged = _refuse(_("This PDF is damaged and could not be read."), accept, "pdf")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(file, strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise _refuse(
                    _("This PDF is protected by a password; upload it unprotected."),
                    accept,
                    "pdf_password",
                )
            if len(reader.pages) < 1:
                raise damaged
    except ValidationError:
        raise
    except Exception:  # pypdf raises many kinds on broken input; all mean "damaged"
        raise damaged from None
    finally:
        file.seek(0)


def _reencode_image(file, file_type: FileType, accept: tuple[str, ...]) -> bytes:
    """The image decoded and encoded again: no metadata, nothing appended."""
    damaged = _refuse(
        _("This image is damaged and could not be read."), accept, "image"
    )
    max_pixels = settings.UPLOAD_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            file.seek(0)
            with Image.open(file) as probe:
                if PIL_FORMATS.get(probe.format) != file_type.key:
                    raise damaged
                width, height = probe.size
                if width * height > max_pixels:
                    raise _refuse(
                        _(
                            "This image is %(width)s × %(height)s pixels; the limit is"
                            " %(megapixels)s megapixels."
                        ),
                        accept,
                        "pixels",
                        width=width,
                        height=height,
                        megapixels=max_pixels // 1_000_000,
                    )
                probe.verify()
            file.seek(0)
            with Image.open(file) as image:
                image.load()
                icc_profile = image.info.get("icc_profile")
                image = ImageOps.exif_transpose(image)
                return _encode(image, file_type, icc_profile)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ):
        raise damaged from None
    finally:
        file.seek(0)


def _encode(image: Image.Image, file_type: FileType, icc_profile) -> bytes:
    # Nothing read from the upload rides along (EXIF, XMP, comments, text chunks):
    # only transparency, which is part of the picture.
    image.info = {
        key: value for key, value in image.info.items() if key == "transparency"
    }
    output = io.BytesIO()
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if file_type.key == "jpeg":
        if image.mode not in {"RGB", "L", "CMYK"}:
            image = image.convert("RGB")
        image.save(output, "JPEG", quality=90, optimize=True, **options)
    elif file_type.key == "png":
        image.save(output, "PNG", optimize=True, **options)
    else:
        image.save(output, "WEBP", quality=90, **options)
    return output.getvalue()


def check_upload(file: UploadedFile, *, accept: tuple[str, ...]) -> UploadedFile:
    """The accepted file, or ValidationError with a message for the uploader.

    Returns a file whose ``name`` ends with the detected type's extension (the
    generated storage name keeps only that) and which carries ``portal_upload``,
    a ``CheckedUpload``. Images come back re-encoded; documents as they were.
    """
    if getattr(file, "portal_upload", None) is not None:
        return file  # checked already (a form field, then the model's validator)
    original_name = str(getattr(file, "name", "") or "")
    size = file.size
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    # The size first, before reading anything: it is the cheapest refusal.
    largest = max(limit_bytes(TYPES[key].group) for key in accept)
    if size > largest:
        raise _too_big(size, largest, accept)
    head = _read_head(file)
    file_type = _detect(file, head, original_name, accept)
    if file_type.key not in accept:
        raise _refuse(
            _("This file is a %(detected)s, which is not accepted here."),
            accept,
            "type",
            detected=file_type.label,
        )
    if size > limit_bytes(file_type.group):
        raise _too_big(size, limit_bytes(file_type.group), accept)
    name = display_name(original_name, file_type)
    if file_type.key == "pdf":
        _check_pdf(file, accept)
    if file_type.group == IMAGE:
        content = _reencode_image(file, file_type, accept)
        file = SimpleUploadedFile(
            f"upload{file_type.extension}", content, file_type.mime
        )
    else:
        file.name = f"upload{file_type.extension}"
        file.content_type = file_type.mime
    file.portal_upload = CheckedUpload(type=file_type, display_name=name)
    return file


def _too_big(size: int, limit: int, accept: tuple[str, ...]) -> ValidationError:
    return ValidationError(
        _("This file is %(size)s; the limit is %(limit)s."),
        code="size",
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )
