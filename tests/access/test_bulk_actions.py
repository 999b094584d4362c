"""Bulk admin actions check each selected object on its own.

For every publishable model and every action its admin offers, each role selects
one item in each status at once: the items the role may move move, every other
one is left exactly as it was (all its fields), whatever else was selected.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal.accounts.models import Invitation
from portal.notifications.models import Delivery, DeliveryStatus
from portal.proposals.models import Proposal, ProposalKind, ProposalStatus
from portal.publishing import Publishable, Status
from tests import factories
from tests.access import runner, table
from tests.access.world import ROLES

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED, ARCHIVED = (
    Status.DRAFT,
    Status.REVIEW,
    Status.PUBLISHED,
    Status.ARCHIVED,
)
DELETED = "deleted"

FACTORIES = {
    "pages.page": factories.PageFactory,
    "partners.partner": factories.PartnerFactory,
    "programme.project": factories.ProjectFactory,
    "programme.activity": factories.ActivityFactory,
    "resources.resource": factories.ResourceFactory,
}

# One item of each kind is selected at once: each status, and a draft complete
# in Russian only (publishing it needs an explicit confirmation).
RU_ONLY = "draft complete in Russian only"
KINDS = (DRAFT, REVIEW, PUBLISHED, ARCHIVED, RU_ONLY)

# Action -> role -> {kind: what the item becomes}; a kind not named stays exactly
# as it was. Anonymous visitors and members are sent to sign in.
BULK: dict[str, dict[str, dict[str, str]]] = {
    "submit_for_review": {
        "editor": {DRAFT: REVIEW, RU_ONLY: REVIEW},
        "publisher": {DRAFT: REVIEW, RU_ONLY: REVIEW},
    },
    # Publishing, archiving and taking out of the archive: publishers only.
    "publish_now": {
        "editor": {},
        "publisher": {DRAFT: PUBLISHED, REVIEW: PUBLISHED},
    },
    # Choosing this action is the publisher's confirmation for one-language items.
    "publish_now_single_language": {
        "editor": {},
        "publisher": {DRAFT: PUBLISHED, REVIEW: PUBLISHED, RU_ONLY: PUBLISHED},
    },
    "archive": {
        "editor": {},
        "publisher": {
            DRAFT: ARCHIVED,
            REVIEW: ARCHIVED,
            PUBLISHED: ARCHIVED,
            RU_ONLY: ARCHIVED,
        },
    },
    "unarchive": {"editor": {}, "publisher": {ARCHIVED: DRAFT}},
    # Editors are not offered deletion: the action is refused as unknown.
    "delete_selected": {
        "editor": {},
        "publisher": dict.fromkeys(KINDS, DELETED),
    },
}
RESPONSE = {
    "anonymous": table.LOGIN,
    "member": table.LOGIN,
    "editor": table.REDIRECT,
    "publisher": table.REDIRECT,
}


def publishable_admins() -> dict[str, admin.ModelAdmin]:
    return {
        model._meta.label_lower: model_admin
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, Publishable)
    }


def test_every_publishable_model_and_action_has_a_rule():
    admins = publishable_admins()
    assert set(admins) == set(FACTORIES)
    offered = {"delete_selected"}
    for model_admin in admins.values():
        offered |= {name for name in model_admin.actions if isinstance(name, str)}
    assert offered == set(BULK)


def make(factory, kind: str):
    """An item of ``kind``; drafts and items in review were never published."""
    if kind == RU_ONLY:
        fields = factory._meta.model.required_translated_fields
        return factory(
            status=DRAFT, published_at=None, **{f"{name}_en": "" for name in fields}
        )
    published_at = {} if kind in (PUBLISHED, ARCHIVED) else {"published_at": None}
    return factory(status=kind, **published_at)


def _state(model, pk):
    return model._base_manager.filter(pk=pk).values().first()


@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_check_each_object(world, role):
    logins = runner.login_paths()
    wrong = []
    for label, factory in FACTORIES.items():
        model = factory._meta.model
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        for action, outcomes in BULK.items():
            becomes = outcomes.get(role, {})
            with transaction.atomic():
                items = {kind: make(factory, kind) for kind in KINDS}
                before = {kind: _state(model, item.pk) for kind, item in items.items()}
                data = {
                    "action": action,
                    "_selected_action": [item.pk for item in items.values()],
                }
                if action == "delete_selected":
                    data["post"] = "yes"  # the confirmation page's answer
                client = runner.client_for(world.sessions[role])
                response = client.post(url, data)
                got = runner.classify(response, logins)
                if got != RESPONSE[role]:
                    wrong.append(f"{label} {action}: answered {got}")
                for kind, item in items.items():
                    after = _state(model, item.pk)
                    expected = becomes.get(kind)
                    if expected is None and after != before[kind]:
                        wrong.append(f"{label} {action} on {kind}: changed")
                    elif expected == DELETED and after is not None:
                        wrong.append(f"{label} {action} on {kind}: not deleted")
                    elif expected not in (None, DELETED) and (
                        after is None or after["status"] != expected
                    ):
                        got_status = after and after["status"]
                        wrong.append(
                            f"{label} {action} on {kind}: {got_status}, "
                            f"expected {expected}"
                        )
                transaction.set_rollback(True)
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


# The other admins' actions: model label -> action -> (the items to select, by
# kind, and the kinds each role's action changes). Every other item stays exactly
# as it was. Editors have no right on these models: the changelist is a 403.
def _invitations(world):
    accepted = Invitation.objects.create(
        email="taken@example.org", country=world.country, language="ru"
    )
    accepted.accepted_at = timezone.now()
    accepted.user = world.users["login_target"]
    accepted.save()
    pending = Invitation.objects.create(
        email="waiting@example.org", country=world.country, language="ru"
    )
    return {"pending": pending, "accepted": accepted}


def _deliveries(world):
    def delivery(status, **extra):
        return Delivery.objects.create(
            subscription=factories.SubscriptionFactory(),
            event=world.event,
            status=status,
            attempts=3,
            **extra,
        )

    return {
        "failed": delivery(DeliveryStatus.FAILED),
        "sent": delivery(DeliveryStatus.SENT, sent_at=timezone.now()),
    }


def _proposals(world):
    def proposal(status, **extra):
        return Proposal.objects.create(
            kind=ProposalKind.GOOD_PRACTICE,
            title=f"A {status} proposal",
            description="What we did.",
            country=world.country,
            submitted_by=world.users["member"],
            status=status,
            **extra,
        )

    return {
        "submitted": proposal(ProposalStatus.SUBMITTED),
        "declined": proposal(
            ProposalStatus.DECLINED,
            decision_reason="Out of scope",
            decided_by=world.users["publisher"],
            decided_at=timezone.now(),
        ),
    }


def _attempts(world):
    return {"attempt": world.accessattempt}


OTHER_ACTIONS = {
    # Sign-in throttling records: superusers only.
    ("axes.accessattempt", "cleanup_expired_attempts"): (_attempts, {}),
    ("accounts.invitation", "resend"): (_invitations, {"publisher": {"pending"}}),
    ("notifications.delivery", "resend"): (_deliveries, {"publisher": {"failed"}}),
    ("proposals.proposal", "accept_selected"): (
        _proposals,
        {"publisher": {"submitted"}},
    ),
    # The reason page answers "apply" with the reason the members will read.
    ("proposals.proposal", "decline_selected"): (
        _proposals,
        {"publisher": {"submitted"}},
    ),
}
OTHER_RESPONSE = {
    "anonymous": table.LOGIN,
    "member": table.LOGIN,
    "editor": table.FORBIDDEN,
    "publisher": table.REDIRECT,
}
EXTRA_DATA = {"decline_selected": {"apply": "1", "reason": "Not for this programme"}}


def test_every_admin_action_has_a_rule():
    """A new admin action fails here until it says what each role's use does."""
    publishable = publishable_admins()
    found = {
        (model._meta.label_lower, name)
        for model, model_admin in admin.site._registry.items()
        if model._meta.label_lower not in publishable
        for name in model_admin.actions
        if isinstance(name, str)
    }
    assert found == set(OTHER_ACTIONS)


@pytest.mark.parametrize("role", ROLES)
def test_other_bulk_actions_check_each_object(world, role):
    logins = runner.login_paths()
    wrong = []
    for (label, action), (make_items, changes) in OTHER_ACTIONS.items():
        app_label, model_name = label.split(".")
        url = reverse(f"admin:{app_label}_{model_name}_changelist")
        with transaction.atomic():
            items = make_items(world)
            model = type(next(iter(items.values())))
            before = {kind: _state(model, item.pk) for kind, item in items.items()}
            client = runner.client_for(world.sessions[role])
            response = client.post(
                url,
                {
                    "action": action,
                    "_selected_action": [item.pk for item in items.values()],
                    **EXTRA_DATA.get(action, {}),
                },
            )
            got = runner.classify(response, logins)
            expected = OTHER_RESPONSE[role]
            if label.startswith("axes.") and role == "publisher":
                expected = table.FORBIDDEN
            if got != expected:
                wrong.append(f"{label} {action}: answered {got}")
            for kind, item in items.items():
                changed = _state(model, item.pk) != before[kind]
                if changed != (kind in changes.get(role, set())):
                    wrong.append(
                        f"{label} {action} on {kind}: "
                        + ("changed" if changed else "left as it was")
                    )
            transaction.set_rollback(True)
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
