"""The workflow in the admin: buttons by role and status, the pages behind them,
bulk actions checking each item, CSRF and query counts."""

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from portal.models import ReviewComment
from portal.notifications.models import Event
from portal.publishing import Status
from resources.models import Resource
from tests import factories

from .conftest import (
    ACTIONS,
    MAY,
    ROLES,
    STATUSES,
    expected_status,
    in_a_day,
    item_in,
    legal,
    state,
)

pytestmark = pytest.mark.django_db


def change_url(item) -> str:
    return reverse("admin:resources_resource_change", args=[item.pk])


def workflow_url(item, action: str) -> str:
    return reverse("admin:resources_resource_workflow", args=[item.pk, action])


def post_data(action: str) -> dict:
    if action == "return":
        return {"comment": "Please add the sources."}
    if action == "schedule":
        return {"publish_at": in_a_day().strftime("%Y-%m-%dT%H:%M")}
    return {}


def texts(response, level: int) -> list[str]:
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level == level
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_workflow_button_by_role_and_status(client, users, role, action):
    """Allowed: done, back to the item. No permission: 403 (staff) or the admin
    login (others). Illegal step: an error message. Refusals change nothing."""
    user = users[role]
    client.force_login(user)
    for status in STATUSES:
        item = item_in(status)
        before = state(item)
        response = client.post(workflow_url(item, action), post_data(action))
        if action in MAY[role] and legal(action, status):
            assert response.status_code == 302, (action, status)
            assert response["Location"] == change_url(item)
            item.refresh_from_db()
            assert item.status == expected_status(action), (action, status)
            continue
        if not user.is_staff:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("admin:login"))
        elif action not in MAY[role]:
            assert response.status_code == 403, (role, action, status)
        else:
            assert response.status_code == 302
            assert texts(response, messages.ERROR), (action, status)
        assert state(item) == before, (role, action, status)


def test_an_unknown_action_is_a_404_and_get_on_a_button_is_refused(client, publisher):
    item = item_in(Status.DRAFT)
    client.force_login(publisher)
    assert client.post(workflow_url(item, "delete")).status_code == 404
    assert client.get(workflow_url(item, "publish")).status_code == 405
    missing = reverse("admin:resources_resource_workflow", args=[999999, "publish"])
    assert client.post(missing).status_code == 404
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_an_editor_sees_submit_and_previews_on_a_draft(client, editor):
    item = item_in(Status.DRAFT)
    client.force_login(editor)
    response = client.get(change_url(item), HTTP_ACCEPT_LANGUAGE="en")
    page = response.text
    assert f'action="{workflow_url(item, "submit")}"' in page
    for action in ("publish", "schedule", "archive", "return"):
        assert workflow_url(item, action) not in page, action
    assert "Preview (Russian)" in page and "Preview (English)" in page
    assert 'name="title_ru"' in page  # a draft is the editor's to change


def test_an_editor_reads_an_item_in_review_without_changing_it(client, editor):
    item = item_in(Status.REVIEW)
    client.force_login(editor)
    response = client.get(change_url(item), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'name="title_ru"' not in response.text
    assert "You cannot change this item in its present status" in response.text
    response = client.post(
        change_url(item),
        {"title_ru": "Подмена", "title_en": "Changed", "kind": item.kind},
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title_en != "Changed"


def test_a_publisher_sees_the_review_buttons(client, publisher):
    item = item_in(Status.REVIEW)
    client.force_login(publisher)
    page = client.get(change_url(item)).text
    for action in ("return", "publish", "schedule", "archive"):
        assert workflow_url(item, action) in page, action
    assert workflow_url(item, "submit") not in page
    assert 'name="title_ru"' in page


def test_return_with_a_comment_shows_the_comments_in_order(client, publisher, editor):
    item = item_in(Status.REVIEW, updated_by=editor)
    client.force_login(publisher)
    url = workflow_url(item, "return")
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and 'name="comment"' in page.text
    response = client.post(url, {"comment": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "This field is required" in response.text
    item.refresh_from_db()
    assert item.status == Status.REVIEW

    client.post(url, {"comment": "First: add the sources."})
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    Resource.objects.filter(pk=item.pk).update(status=Status.REVIEW)
    client.post(url, {"comment": "Second: <b>shorter</b> summary."})
    page = client.get(change_url(item)).text
    first, second = page.index("First: add"), page.index("Second: &lt;b&gt;shorter")
    assert first < second
    assert ReviewComment.objects.count() == 2


def test_publishing_in_one_language_asks_for_a_confirmation(client, publisher):
    item = item_in(Status.REVIEW, title_en="", summary_en="")
    client.force_login(publisher)
    response = client.post(workflow_url(item, "publish"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Russian only" in response.text
    assert 'name="confirm_single_language" value="yes"' in response.text
    item.refresh_from_db()
    assert item.status == Status.REVIEW and not Event.objects.exists()

    response = client.post(
        workflow_url(item, "publish"), {"confirm_single_language": "yes"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert Event.objects.count() == 1


def test_schedule_page(client, publisher):
    item = item_in(Status.DRAFT)
    client.force_login(publisher)
    url = workflow_url(item, "schedule")
    assert 'type="datetime-local"' in client.get(url).text
    response = client.post(
        url, {"publish_at": "2001-01-01T10:00"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Choose a time in the future" in response.text
    response = client.post(url, {"publish_at": "not a time"})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.publish_at is None and item.status == Status.DRAFT

    response = client.post(url, post_data("schedule"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.REVIEW and item.publish_at is not None


def test_schedule_in_one_language_needs_the_box_ticked(client, publisher):
    item = item_in(Status.DRAFT, title_en="", summary_en="")
    client.force_login(publisher)
    url = workflow_url(item, "schedule")
    assert 'name="confirm_single_language"' in client.get(url).text
    response = client.post(url, post_data("schedule"))
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.publish_at is None
    client.post(url, {**post_data("schedule"), "confirm_single_language": "on"})
    item.refresh_from_db()
    assert item.publish_at is not None


@pytest.mark.parametrize("action", ["submit", "return", "publish", "schedule"])
def test_workflow_forms_enforce_csrf(publisher, action):
    status = (
        Status.DRAFT if action in ("submit", "schedule", "publish") else Status.REVIEW
    )
    item = item_in(status)
    client = Client(enforce_csrf_checks=True)
    client.force_login(publisher)
    response = client.post(workflow_url(item, action), post_data(action))
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == status
    client.get(change_url(item))  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        workflow_url(item, action), {**post_data(action), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == expected_status(action)


def run_action(client, action: str, items, **extra):
    return client.post(
        reverse("admin:resources_resource_changelist"),
        {"action": action, "_selected_action": [item.pk for item in items], **extra},
        follow=True,
    )


def test_bulk_publish_refuses_one_language_items_unless_confirmed(client, publisher):
    complete = item_in(Status.REVIEW)
    russian_only = item_in(Status.REVIEW, title_en="", summary_en="")
    published = item_in(Status.PUBLISHED)
    client.force_login(publisher)
    response = run_action(client, "publish_now", [complete, russian_only, published])
    complete.refresh_from_db()
    russian_only.refresh_from_db()
    assert complete.status == Status.PUBLISHED
    assert russian_only.status == Status.REVIEW
    errors = texts(response, messages.ERROR)
    assert any(str(russian_only) in text for text in errors)
    assert any(str(published) in text for text in errors)
    assert Event.objects.count() == 1

    run_action(client, "publish_now_single_language", [russian_only])
    russian_only.refresh_from_db()
    assert russian_only.status == Status.PUBLISHED


def test_bulk_actions_check_each_item_for_an_editor(client, editor):
    drafts = [item_in(Status.DRAFT), item_in(Status.DRAFT)]
    in_review = item_in(Status.REVIEW)
    client.force_login(editor)
    response = run_action(client, "publish_now", drafts)
    assert all(state(item)[0] == Status.DRAFT for item in drafts)
    assert len(texts(response, messages.ERROR)) == 3  # the count, then each item
    response = run_action(client, "submit_for_review", [*drafts, in_review])
    assert [state(item)[0] for item in drafts] == [Status.REVIEW, Status.REVIEW]
    assert any(str(in_review) in text for text in texts(response, messages.ERROR))
    response = run_action(client, "unarchive", [in_review])
    assert state(in_review)[0] == Status.REVIEW


def test_bulk_unarchive(client, publisher):
    archived = item_in(Status.ARCHIVED)
    draft = item_in(Status.DRAFT)
    client.force_login(publisher)
    run_action(client, "unarchive", [archived, draft])
    assert state(archived)[0] == Status.DRAFT
    assert state(draft)[0] == Status.DRAFT


def test_a_mission_member_cannot_run_actions(client, mission_member):
    item = item_in(Status.DRAFT)
    client.force_login(mission_member)
    client.post(
        reverse("admin:resources_resource_changelist"),
        {"action": "publish_now", "_selected_action": [item.pk]},
    )
    assert state(item)[0] == Status.DRAFT


def test_change_page_queries_do_not_grow_with_comments(
    client, publisher, django_assert_max_num_queries
):
    item = item_in(Status.REVIEW)
    client.force_login(publisher)
    client.get(change_url(item))  # warm the content type and permission caches
    with django_assert_max_num_queries(12):
        client.get(change_url(item))
    for n in range(5):
        ReviewComment.objects.create(
            content_object=item, author=publisher, text=f"Comment {n}"
        )
    with django_assert_max_num_queries(12) as captured:
        response = client.get(change_url(item))
    assert response.text.count("Comment ") >= 5
    comment_queries = [
        q for q in captured.captured_queries if "portal_reviewcomment" in q["sql"]
    ]
    assert len(comment_queries) == 1


def test_return_page_queries(client, publisher, django_assert_max_num_queries):
    item = item_in(Status.REVIEW)
    client.force_login(publisher)
    with django_assert_max_num_queries(6):
        assert client.get(workflow_url(item, "return")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(workflow_url(item, "schedule")).status_code == 200


def test_the_admin_index_links_the_translation_status_page(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    assert reverse("translation_status") in response.text


def test_review_comments_keep_their_generic_item(publisher):
    item = item_in(Status.REVIEW)
    comment = ReviewComment.objects.create(
        content_object=item, author=publisher, text="x"
    )
    assert comment.content_object == item
    assert comment.get_absolute_url() == change_url(item)
    assert factories.ResourceFactory._meta.model is Resource


def test_the_inlines_of_an_item_in_review_are_read_only_for_an_editor(client, editor):
    partner = factories.PartnerFactory(status=Status.REVIEW, published_at=None)
    factories.ContactFactory(partner=partner, name="Focal Point")
    client.force_login(editor)
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    page = client.get(url).text
    assert "Focal Point" in page
    assert 'name="contacts-0-name"' not in page
    draft = factories.PartnerFactory(status=Status.DRAFT, published_at=None)
    factories.ContactFactory(partner=draft)
    page = client.get(reverse("admin:partners_partner_change", args=[draft.pk])).text
    assert 'name="contacts-0-name"' in page
