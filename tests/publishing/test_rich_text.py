"""Rich text is stored without scripts or event handlers, whatever path it took."""

import pytest

from portal.richtext import sanitize_html
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Hello <a href="javascript:alert(1)" onmouseover="x()">link</a></p>'
    "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=//evil></iframe>"
    "<h2>Title</h2><ul><li>kept</li></ul>"
)


def test_a_direct_save_strips_scripts_and_handlers():
    page = PageFactory(body_ru=HOSTILE, body_en=HOSTILE)
    page.refresh_from_db()
    for body in (page.body_ru, page.body_en):
        lowered = body.lower()
        for bad in (
            "<script",
            "onclick",
            "onmouseover",
            "onerror",
            "javascript:",
            "<iframe",
            "<img",
        ):
            assert bad not in lowered
        assert "<h2>Title</h2>" in body
        assert "<li>kept</li>" in body


def test_full_clean_sanitises_too():
    page = PageFactory.build(body_ru=HOSTILE)
    page.full_clean(exclude=["slug"])
    assert "<script" not in page.body_ru


def test_the_sanitiser_keeps_safe_links():
    html = sanitize_html('<p><a href="https://un.org/ct">UNOCT</a></p>')
    assert 'href="https://un.org/ct"' in html
