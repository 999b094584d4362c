"""Small real files of every allowed type, and hostile ones, made in memory."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

MAIN_PARTS = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def ooxml_bytes(
    kind: str, *, main_type: str | None = None, extra: dict | None = None
) -> bytes:
    part, content_type = MAIN_PARTS[kind]
    content_type = main_type or content_type
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{part}" ContentType="{content_type}"/>'
            "</Types>",
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(part, "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return output.getvalue()


def image_bytes(fmt: str = "PNG", size=(40, 30), **save) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (11, 95, 165)).save(output, fmt, **save)
    return output.getvalue()


def jpeg_with_exif() -> bytes:
    """A JPEG with metadata (EXIF make, XMP, a comment) and orientation 6 (90°)."""
    image = Image.new("RGB", (40, 20), (200, 10, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation
    exif[0x010F] = "SecretCamera"  # make
    output = io.BytesIO()
    image.save(
        output,
        "JPEG",
        exif=exif.tobytes(),
        xmp=b"<x:xmpmeta><SecretAuthor/></x:xmpmeta>",
        comment=b"SecretComment",
    )
    return output.getvalue()


HTML = (
    b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)
SCRIPT = b"<script>alert('appended')</script>"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)
