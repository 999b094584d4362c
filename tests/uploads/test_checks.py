"""The upload module on its own: what each kind of file becomes, or why it is refused."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.utils import translation
from PIL import Image

from portal.uploads import ATTACHMENTS, DOCUMENTS, IMAGES, check_upload
from tests.uploads import samples

ACCEPTED = [
    ("report.pdf", samples.pdf_bytes(), ".pdf"),
    ("notes.docx", samples.ooxml_bytes("docx"), ".docx"),
    ("figures.xlsx", samples.ooxml_bytes("xlsx"), ".xlsx"),
    ("slides.pptx", samples.ooxml_bytes("pptx"), ".pptx"),
    ("photo.jpeg", samples.image_bytes("JPEG"), ".jpg"),
    ("logo.png", samples.image_bytes("PNG"), ".png"),
    ("banner.webp", samples.image_bytes("WEBP"), ".webp"),
]


def refusal(name: str, content: bytes, accept=ATTACHMENTS, language="en") -> str:
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            check_upload(samples.upload(name, content), accept=accept)
        # The messages are lazy: read them in the language of the request.
        return " ".join(caught.value.messages)


@pytest.mark.parametrize(("name", "content", "extension"), ACCEPTED)
def test_every_allowed_type_is_accepted_and_named_after_its_content(
    name, content, extension
):
    checked = check_upload(samples.upload(name, content), accept=ATTACHMENTS)
    assert checked.name == f"upload{extension}"
    assert checked.portal_upload.display_name.endswith(extension)


def test_the_extension_comes_from_the_content_not_the_name():
    checked = check_upload(
        samples.upload("scan.docx", samples.pdf_bytes()), accept=ATTACHMENTS
    )
    assert checked.name == "upload.pdf"
    assert checked.portal_upload.display_name == "scan.pdf"


def test_html_disguised_as_pdf_is_refused_in_both_languages():
    assert refusal("report.pdf", samples.HTML) == (
        "This file is an HTML page, not a PDF. "
        "Allowed: PDF, DOCX, XLSX, PPTX, JPEG, PNG, WebP."
    )
    russian = refusal("report.pdf", samples.HTML, language="ru")
    assert "HTML" in russian and "Допустимы" in russian


@pytest.mark.parametrize("name", ["drawing.svg", "logo.png", "report.pdf"])
def test_svg_is_refused_whatever_its_name(name):
    assert "SVG" in refusal(name, samples.SVG)


def test_a_png_with_a_script_appended_is_accepted_only_re_encoded():
    content = samples.image_bytes("PNG") + samples.SCRIPT
    checked = check_upload(samples.upload("logo.png", content), accept=IMAGES)
    stored = checked.read()
    assert b"<script" not in stored
    assert Image.open(io.BytesIO(stored)).format == "PNG"


def test_image_metadata_is_dropped_and_orientation_applied():
    checked = check_upload(
        samples.upload("photo.jpg", samples.jpeg_with_exif()), accept=IMAGES
    )
    stored = checked.read()
    for secret in (b"SecretCamera", b"SecretAuthor", b"SecretComment"):
        assert secret not in stored
    image = Image.open(io.BytesIO(stored))
    assert image.size == (20, 40)  # orientation 6: turned upright
    assert not image.getexif()


def test_a_decompression_bomb_is_refused(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 1_000_000
    content = samples.image_bytes("PNG", size=(2000, 1000))
    assert "pixels" in refusal("big.png", content, accept=IMAGES)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("fake.pdf", b"%PDF-1.4 not really", "This PDF is damaged"),
        ("game.exe", b"MZ\x90\x00" + b"\x00" * 200, "not accepted (EXE)"),
        ("anim.gif", samples.image_bytes("GIF"), "not accepted (GIF)"),
        (
            "page.html",
            samples.HTML,
            "This file is an HTML page, which is not accepted.",
        ),
        ("notes.txt", b"just some text", "could not be recognised"),
        ("empty.pdf", b"", "The file is empty."),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 100, "ZIP archive"),
        (
            "macro.docm",
            samples.ooxml_bytes(
                "docx",
                main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
            ),
            "macros",
        ),
        (
            "macro.docx",
            samples.ooxml_bytes("docx", extra={"word/vbaProject.bin": b"x"}),
            "macros",
        ),
    ],
)
def test_other_files_are_refused_with_a_reason(name, content, expected):
    assert expected in refusal(name, content)


def test_a_document_where_an_image_is_expected_is_refused():
    message = refusal("logo.png", samples.pdf_bytes(), accept=IMAGES)
    assert (
        message
        == "This file is a PDF, which is not accepted here. Allowed: JPEG, PNG, WebP."
    )


def test_an_image_where_a_document_is_expected_is_refused():
    message = refusal("report.pdf", samples.image_bytes(), accept=DOCUMENTS)
    assert "This file is a PNG" in message


def test_a_60_mb_file_is_refused_without_reading_it(tmp_path):
    """A sparse 60 MB temporary upload: its size is enough to refuse it."""
    upload = TemporaryUploadedFile("huge.pdf", "application/pdf", 0, None)
    upload.write(b"%PDF-1.4\n")
    upload.seek(60 * 1024 * 1024 - 1)
    upload.write(b"\n")
    upload.flush()
    upload.size = os.path.getsize(upload.temporary_file_path())
    assert upload.size == 60 * 1024 * 1024
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            check_upload(upload, accept=DOCUMENTS)
        assert caught.value.messages == [
            "This file is 60.0\xa0MB; the limit is 25.0\xa0MB."
        ]
    upload.close()


def test_each_kind_has_its_own_size_limit(settings):
    settings.UPLOAD_MAX_IMAGE_MB = 0  # images: nothing fits; documents still do
    assert "the limit is 0" in refusal("logo.png", samples.image_bytes())
    check_upload(samples.upload("r.pdf", samples.pdf_bytes()), accept=ATTACHMENTS)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.ini.pdf", "win.ini.pdf"),
        ("inv\x00oice.pdf", "inv oice.pdf"),
        ("invoice\u202efdp.exe", "invoice fdp.pdf"),
        ("x" * 500 + ".pdf", "x" * 116 + ".pdf"),
        ("..", "file.pdf"),
    ],
)
def test_hostile_names_are_neutralised(name, shown):
    upload = samples.upload("x.pdf", samples.pdf_bytes())
    upload._name = name  # as a client could send it, past Django's own clean-up
    checked = check_upload(upload, accept=DOCUMENTS)
    assert checked.portal_upload.display_name == shown
    assert checked.name == "upload.pdf"


@pytest.mark.django_db
def test_model_validation_checks_a_new_file_and_leaves_stored_ones_alone():
    """Code that skips the forms still meets the check in ``full_clean``."""
    from django.core.files.base import ContentFile

    from tests import factories

    resource = factories.ResourceFactory(slug="stored")
    # Stored long ago, before these checks: not re-read on every edit.
    resource.document_en.save("old.pdf", ContentFile(b"%PDF-1.4 legacy"), save=True)
    resource.full_clean()

    resource.document_ru = samples.upload("report.pdf", samples.HTML)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            resource.full_clean()
        assert "This file is an HTML page" in str(
            caught.value.message_dict["document_ru"]
        )
