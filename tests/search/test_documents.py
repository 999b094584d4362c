"""Text inside documents: extracted by the task after upload, searched, quoted."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from portal.demo.documents import REGULAR_FONT
from portal.search.documents import document_text_extract, docx_text
from portal.search.models import DocumentText, ExtractionStatus
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.postgres


def make_pdf(*paragraphs: str) -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(REGULAR_FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
    return bytes(pdf.output())


def encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(*paragraphs: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def upload(resource, language: str, name: str, content: bytes, capture) -> None:
    """Save a document like admin does; run the queued extraction (eager Celery)."""
    with capture(execute=True):
        getattr(resource, f"document_{language}").save(
            name, ContentFile(content), save=True
        )


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_pdf_text_is_extracted_searched_and_quoted(search, capture):
    resource = factories.ResourceFactory(title_ru="Пособие", title_en="Handbook")
    upload(
        resource,
        "ru",
        "a.pdf",
        make_pdf("Глава 3. Замораживание активов и санкционные перечни."),
        capture,
    )
    row = DocumentText.objects.get(resource=resource, language="ru")
    assert row.status == ExtractionStatus.OK and "санкционные" in row.text

    response, titles = search("санкционных перечней", lang="ru")
    assert titles == ["Пособие"]
    hit = response.context["outcome"].page.object_list[0]
    assert "<mark>санкционные</mark>" in str(hit.snippet)
    # On the English page the snippet is the Russian document's, marked as such.
    response, titles = search("санкционных перечней", lang="en")
    hit = response.context["outcome"].page.object_list[0]
    assert hit.snippet_lang == "ru"
    assert 'lang="ru"' in response.content.decode()


def test_docx_text_is_extracted(search, capture):
    resource = factories.ResourceFactory(title_en="Toolkit")
    upload(resource, "en", "t.docx", make_docx("Cross-border cash couriers."), capture)
    assert DocumentText.objects.get(resource=resource).status == ExtractionStatus.OK
    assert search("couriers", lang="en")[1] == ["Toolkit"]


def test_docx_parser_reads_paragraphs_only():
    text = docx_text(io.BytesIO(make_docx("One.", "Two &amp; three.")))
    assert text == "One.\nTwo & three."


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("broken.pdf", b"%PDF-1.4\n garbage without objects", ExtractionStatus.FAILED),
        ("locked.pdf", None, ExtractionStatus.ENCRYPTED),
        ("broken.docx", b"PK\x03\x04 not really a zip", ExtractionStatus.FAILED),
        ("notes.odt", b"whatever", ExtractionStatus.UNSUPPORTED),
    ],
)
def test_unreadable_files_are_marked_and_never_block_the_save(
    search, capture, caplog, name, content, status
):
    if content is None:
        content = encrypted(make_pdf("Secret words: quokka."))
    resource = factories.ResourceFactory(title_en="Odd file")
    upload(resource, "en", name, content, capture)
    resource.refresh_from_db()
    assert resource.document_en  # the upload itself went through
    row = DocumentText.objects.get(resource=resource, language="en")
    assert row.status == status and row.text == ""
    assert row.error
    assert "No text from the en document" in caplog.text
    assert search("Odd file", lang="en")[1] == ["Odd file"]


def test_a_new_file_is_read_again_and_a_removed_one_forgotten(search, capture):
    resource = factories.ResourceFactory(title_en="Report")
    upload(resource, "en", "r.pdf", make_pdf("Old wording: pangolin."), capture)
    assert search("pangolin")[1] == ["Report"]
    upload(resource, "en", "r2.pdf", make_pdf("New wording: axolotl."), capture)
    assert search("pangolin")[1] == []
    assert search("axolotl")[1] == ["Report"]
    with capture(execute=True):
        resource.document_en = ""
        resource.save()
    assert not DocumentText.objects.filter(resource=resource).exists()
    assert search("axolotl")[1] == []


def test_extraction_is_idempotent(capture, postgres, django_assert_max_num_queries):
    resource = factories.ResourceFactory()
    upload(resource, "en", "r.pdf", make_pdf("Some text."), capture)
    with django_assert_max_num_queries(3):
        row = document_text_extract(resource_id=resource.pk, language="en")
    assert row.status == ExtractionStatus.OK


def test_missions_document_text_is_not_quoted_to_visitors(client, search, capture):
    resource = factories.ResourceFactory(
        title_en="Briefing", summary_en="Short.", access=Access.MISSIONS
    )
    upload(resource, "en", "b.pdf", make_pdf("Names of informants: wombat."), capture)
    assert search("wombat")[1] == []
    response, titles = search("briefing")
    assert titles == ["Briefing"]
    assert "wombat" not in response.content.decode()
