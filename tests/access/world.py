"""The data set every access test reads: one of each kind of thing a URL can name.

Built once per test module (see ``conftest.py``) and rolled back after it: a
fresh factory graph per URL would make the matrix minutes long.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.accounts.models import Invitation
from portal.accounts.tokens import make_token as invitation_token
from portal.notifications.models import Delivery, DeliveryStatus, Event
from portal.notifications.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token
from portal.proposals.models import Proposal, ProposalAttachment, ProposalKind
from portal.publishing import Publishable, Status
from resources.models import Access, Resource
from tests import factories

# Who the matrix signs in as, in the order the table lists them.
ROLES = ("anonymous", "member", "editor", "publisher")

# The password of the account the anonymous visitor signs in with.
PASSWORD = "correct horse battery"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% access matrix\n%%EOF\n")


@dataclass
class World:
    users: dict[str, Any]
    # Objects by a short name: "resource_missions", "page_draft", ...
    objects: dict[str, Any] = field(default_factory=dict)
    # Signed subscription links by purpose.
    tokens: dict[str, str] = field(default_factory=dict)
    # Text each role must never be shown on the site (titles of drafts, staff-only
    # items, focal-point contacts, the body of a missions resource).
    hidden: dict[str, set[str]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def hidden_title(factory, key: str) -> dict[str, str]:
    """A title no page may show to visitors, in both languages."""
    field_name = factory._meta.model.required_translated_fields[0]
    return {
        f"{field_name}_ru": f"Скрытый {key} элемент",
        f"{field_name}_en": f"Hidden {key} item",
    }


def _statuses(factory, name: str, objects: dict, **kwargs) -> None:
    """One item of a publishable model in each status: ``name`` is the published one."""
    objects[name] = factory(**kwargs)
    for status in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED):
        key = f"{name}_{status.value}"
        never_published = {} if status == Status.ARCHIVED else {"published_at": None}
        objects[key] = factory(
            status=status, **never_published, **hidden_title(factory, key), **kwargs
        )


def build_world() -> World:
    theme = factories.ThemeFactory(description_ru="Описание", description_en="About")
    country = factories.CountryFactory()
    users = {
        "anonymous": None,
        "member": factories.MissionMemberFactory(country=country),
        "editor": factories.EditorFactory(),
        "publisher": factories.PublisherFactory(),
        # Signs in through the login form (the anonymous visitor's own account).
        "login_target": factories.UserFactory(),
    }
    objects: dict[str, Any] = {"theme": theme, "country": country}
    objects["region"] = country.region

    _statuses(factories.PageFactory, "page", objects)
    objects["about"] = factories.PageFactory(slug="about")
    _statuses(factories.PartnerFactory, "partner", objects, country=country)
    objects["partner"].offers.add(theme)
    objects["contact"] = factories.ContactFactory(
        partner=objects["partner"], email="focal.point.hidden@example.org"
    )
    _statuses(factories.ProjectFactory, "project", objects)
    _statuses(
        factories.ActivityFactory,
        "activity",
        objects,
        project=objects["project"],
        host_country=country,
    )
    objects["photo"] = factories.PhotoFactory(activity=objects["activity"])
    objects["photo_of_draft"] = factories.PhotoFactory(
        activity=objects["activity_draft"]
    )

    # One resource per access level, each with a Russian document, and a draft.
    resource = factories.ResourceFactory
    objects["resource_public"] = resource(document_ru=pdf("public.pdf"))
    objects["resource_missions"] = resource(
        access=Access.MISSIONS,
        document_ru=pdf("missions.pdf"),
        body_ru="<p>Только для миссий: текст.</p>",
        body_en="<p>Mission-only body text.</p>",
    )
    objects["resource_staff"] = resource(
        access=Access.STAFF,
        document_ru=pdf("staff.pdf"),
        **hidden_title(resource, "resource_staff"),
    )
    objects["resource"] = objects["resource_public"]
    for status in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED):
        key = f"resource_{status.value}"
        objects[key] = resource(
            status=status,
            published_at=None,
            document_ru=pdf(f"{key}.pdf"),
            **hidden_title(resource, key),
        )
    for resource in Resource.objects.all():
        resource.themes.add(theme)

    # Notifications: a subscription with its links, an event and a failed delivery.
    subscription = factories.SubscriptionFactory()
    objects["subscription"] = subscription
    objects["event"] = Event.objects.create(
        content_type=ContentType.objects.get_for_model(Resource),
        object_id=objects["resource"].pk,
    )
    objects["delivery"] = Delivery.objects.create(
        subscription=subscription,
        event=objects["event"],
        status=DeliveryStatus.FAILED,
        attempts=3,
        last_error="SMTP 451",
    )
    tokens = {
        purpose: make_token(subscription, purpose)
        for purpose in (CONFIRM, MANAGE, UNSUBSCRIBE)
    }

    # A member's proposal with an attachment.
    proposal = Proposal.objects.create(
        kind=ProposalKind.OFFER,
        title="Training for border guards",
        description="We can host a course.",
        country=country,
        submitted_by=users["member"],
    )
    proposal.themes.add(theme)
    objects["proposal"] = proposal
    objects["attachment"] = ProposalAttachment.objects.create(
        proposal=proposal, file=pdf("plan.pdf"), original_name="plan.pdf"
    )

    objects["invitation"] = Invitation.objects.create(
        email="invitee@example.org", country=country, language="en"
    )
    tokens["invitation"] = invitation_token(objects["invitation"])
    login_target = users["login_target"]
    tokens["reset_uid"] = urlsafe_base64_encode(force_bytes(login_target.pk))
    tokens["reset"] = default_token_generator.make_token(login_target)

    # Rows of the models only superusers manage.
    objects["group"] = Group.objects.get(name="Editors")
    objects["user"] = users["login_target"]
    seen = {"ip_address": "10.0.0.1", "user_agent": "pytest", "path_info": "/"}
    objects["accessattempt"] = AccessAttempt.objects.create(
        username="x@example.org", failures_since_start=1, **seen
    )
    objects["accesslog"] = AccessLog.objects.create(username="y@example.org", **seen)
    objects["accessfailurelog"] = AccessFailureLog.objects.create(
        username="x@example.org", **seen
    )
    never_public = {
        text
        for key, obj in objects.items()
        if key.endswith(("_draft", "_review", "_archived", "_staff"))
        and isinstance(obj, Publishable)
        for text in hidden_title(type(obj), key).values()
    }
    for_members = {
        "focal.point.hidden@example.org",
        "Mission-only body text",
        "Только для миссий: текст",
    }
    hidden = {
        "anonymous": never_public | for_members,
        "member": never_public,
        "editor": set(),
        "publisher": set(),
    }
    return World(users=users, objects=objects, tokens=tokens, hidden=hidden)
