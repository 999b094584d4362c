"""In a real browser: a mission member sends a proposal with a file, then reads the
list; axe on the form (with its errors) and on the list, in both languages."""

import pytest

from portal.proposals.models import Proposal, ProposalStatus
from tests import factories
from tests.browser.helpers import serious_violations, signed_in
from tests.uploads import samples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def member(transactional_db):
    factories.ThemeFactory(
        slug="borders", name_en="Border security", name_ru="Безопасность границ"
    )
    factories.RegionFactory(slug="africa", name_en="Africa", name_ru="Африка")
    member = factories.MissionMemberFactory()
    factories.ProposalFactory(
        submitted_by=member,
        title="Earlier idea",
        status=ProposalStatus.DECLINED,
        decision_reason="Already covered by the 2025 handbook.",
        decided_at="2026-01-05T10:00:00Z",
    )
    return member


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_member_sends_a_proposal_and_sees_it_listed(
    chromium_path, browser, live_server, member, lang, tmp_path
):
    document = tmp_path / "programme.pdf"
    document.write_bytes(samples.pdf_bytes())
    fake = tmp_path / "report.pdf"
    fake.write_bytes(samples.HTML)
    context = signed_in(browser, live_server, member, lang)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/{lang}/proposals/new/")
        assert page.locator("html").get_attribute("lang") == lang
        found, results = serious_violations(page)
        assert not found, results.generate_report()

        form = page.locator("main form")
        form.locator("input[name=kind][value=offer]").check()
        form.locator("input[name=title]").fill("Training for border guards")
        form.locator("textarea[name=description]").fill("A two-week course.")
        form.locator("input[name=themes]").first.check()
        form.locator("input[name=attachments]").set_input_files([str(fake)])
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        # Refused with the reason; the page with its errors is accessible too.
        assert page.locator(".proposal-form__errors").is_visible()
        assert "HTML" in page.locator(".proposal-form__errors").inner_text()
        found, results = serious_violations(page)
        assert not found, results.generate_report()
        assert not Proposal.objects.filter(title="Training for border guards").exists()

        form.locator("input[name=attachments]").set_input_files([str(document)])
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert page.url == f"{live_server.url}/{lang}/proposals/"
        assert page.get_by_text("Training for border guards").is_visible()
        assert page.get_by_text("Already covered by the 2025 handbook.").is_visible()
        found, results = serious_violations(page)
        assert not found, results.generate_report()
    finally:
        context.close()

    proposal = Proposal.objects.get(title="Training for border guards")
    assert [a.original_name for a in proposal.attachments.all()] == ["programme.pdf"]
