"""Text extraction from resource documents (PDF with pypdf, DOCX from its XML).

Runs in the worker (``tasks.extract_document``), never during a save. A broken,
encrypted or unsupported file is logged and recorded with its status; the
resource stays searchable by its title, summary and body.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

from django.db import transaction
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from .indexing import MAX_TEXT, entry_refresh
from .models import DocumentText, ExtractionStatus, Kind

logger = logging.getLogger(__name__)

# Larger files are not read into memory for their text (their title still counts).
MAX_FILE_BYTES = 50 * 1024 * 1024
# A DOCX is a zip: its text part may not unpack to more than this (zip bombs).
MAX_DOCX_XML_BYTES = 30 * 1024 * 1024
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Unreadable(Exception):
    """The file cannot give its text; ``status`` says why."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def pdf_text(handle, limit: int = MAX_TEXT) -> str:
    try:
        reader = PdfReader(handle)
        if reader.is_encrypted and not reader.decrypt(""):
            # Readable with an empty user password is fine; anything else is not.
            raise Unreadable(ExtractionStatus.ENCRYPTED, "the PDF is encrypted")
        parts: list[str] = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= limit:
                break
    except FileNotDecryptedError as exc:
        raise Unreadable(ExtractionStatus.ENCRYPTED, str(exc)) from exc
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # pypdf raises more than its own errors on a damaged file.
        raise Unreadable(
            ExtractionStatus.FAILED, f"{type(exc).__name__}: {exc}"
        ) from exc
    return "\n".join(parts)[:limit]


def docx_text(handle, limit: int = MAX_TEXT) -> str:
    """Paragraph texts of word/document.xml; no dependency beyond the standard library.

    expat (2.4.1 and later) refuses exponential entity expansion and ElementTree
    never fetches external entities; the part's unpacked size is capped first.
    """
    try:
        with zipfile.ZipFile(handle) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise Unreadable(
                    ExtractionStatus.FAILED, "the document part is too big"
                )
            with archive.open(info) as part:
                paragraphs: list[str] = []
                size = 0
                for _event, element in ElementTree.iterparse(part):  # noqa: S314
                    if element.tag != f"{WORD_NS}p":
                        continue
                    text = "".join(
                        node.text or ""
                        for node in element.iter()
                        if node.tag in (f"{WORD_NS}t", f"{WORD_NS}tab")
                    )
                    element.clear()
                    if text:
                        paragraphs.append(text)
                        size += len(text)
                        if size >= limit:
                            break
    except Unreadable:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise Unreadable(
            ExtractionStatus.FAILED, f"{type(exc).__name__}: {exc}"
        ) from exc
    return "\n".join(paragraphs)[:limit]


EXTRACTORS = {".pdf": pdf_text, ".docx": docx_text}


def _extract(field) -> tuple[str, str]:
    """(status, text) of a stored file."""
    extractor = EXTRACTORS.get(PurePath(field.name).suffix.lower())
    if extractor is None:
        raise Unreadable(
            ExtractionStatus.UNSUPPORTED, "no text extractor for this format"
        )
    with field.storage.open(field.name, "rb") as handle:
        text = extractor(handle)
    text = text.replace("\x00", "").strip()
    return (ExtractionStatus.OK if text else ExtractionStatus.EMPTY), text


def document_text_extract(*, resource_id: int, language: str, force: bool = False):
    """Extract (or forget) the text of one language's document, then reindex.

    Safe to run twice: a file already read (same name and size) is skipped unless
    ``force``. Returns the ``DocumentText`` row, or None when there is no document.
    """
    from resources.models import Resource

    resource = Resource.objects.filter(pk=resource_id).first()
    field = getattr(resource, f"document_{language}", None) if resource else None
    if not field:
        deleted, _rows = DocumentText.objects.filter(
            resource_id=resource_id, language=language
        ).delete()
        if deleted and resource is not None:
            entry_refresh(kind=Kind.RESOURCE, item=resource)
        return None

    try:
        size = field.storage.size(field.name)
    except OSError:
        size = None
    existing = DocumentText.objects.filter(
        resource_id=resource_id, language=language
    ).first()
    if (
        not force
        and existing is not None
        and existing.file_name == field.name
        and existing.file_size == size
    ):
        return existing

    error = ""
    if size is None:
        status, text, error = ExtractionStatus.FAILED, "", "the file is missing"
    elif size > MAX_FILE_BYTES:
        status, text, error = ExtractionStatus.FAILED, "", "the file is too big"
    else:
        try:
            status, text = _extract(field)
        except (Unreadable, OSError) as exc:
            status = getattr(exc, "status", ExtractionStatus.FAILED)
            text, error = "", str(exc)
    if error:
        logger.warning(
            "No text from the %s document of resource %s (%s): %s",
            language,
            resource_id,
            field.name,
            error,
        )
    with transaction.atomic():
        row, _created = DocumentText.objects.update_or_create(
            resource_id=resource_id,
            language=language,
            defaults={
                "text": text,
                "status": status,
                "error": error[:2000],
                "file_name": field.name,
                "file_size": size,
            },
        )
        entry_refresh(kind=Kind.RESOURCE, item=resource)
    return row


def stale_languages(resource, known: dict[str, str]) -> list[str]:
    """Languages whose document is not the file its text was extracted from.

    ``known``: language -> file name of the stored texts (``entry_refresh``).
    """
    return [
        code
        for code in ("ru", "en")
        if (getattr(resource, f"document_{code}").name or "") != known.get(code, "")
    ]
