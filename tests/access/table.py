"""What each kind of user gets at every URL of the site and the admin: one table.

Keys are URL names (``namespace:name``), with a ``[variant]`` when one name is
tried on several objects (a draft, a ``missions`` resource...). Each entry maps an
HTTP method to a rule: the outcome for anonymous, mission member, editor and
publisher, in that order (see ``rule``). A GET is tried on every entry; a POST
only where a form posts. ``test_matrix.py`` fails when the resolver has a URL name
this table does not list, so a new URL needs an explicit decision here.

The admin's per-model URLs (changelist, add, change, delete, history, history
version) follow from ``ADMIN_RIGHTS``: what each staff role may do with each
registered model, after the ModelAdmin's own overrides.

Outcomes: ``ok`` a 2xx page; ``redirect`` a 3xx anywhere but a sign-in page;
``login`` a redirect to a sign-in page (the site's or the admin's); ``403``,
``404``, ``405``, ``400`` those statuses. ``Xfail(reason)`` marks a rule not yet
settled: it is tried and reported, never counted as allowed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.access.world import ROLES

OK = "ok"
REDIRECT = "redirect"
LOGIN = "login"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
BAD = "400"

ALLOWED = {OK, REDIRECT}
REFUSED = {LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, BAD}


@dataclass(frozen=True)
class Xfail:
    """A URL whose rule is not settled yet: tried, reported, never called allowed."""

    reason: str


def rule(anonymous, member, editor, publisher) -> dict[str, str | Xfail]:
    return dict(zip(ROLES, (anonymous, member, editor, publisher), strict=True))


def everyone(outcome) -> dict[str, str | Xfail]:
    return rule(outcome, outcome, outcome, outcome)


PUBLIC = everyone(OK)
# Drafts and staff-only items: staff see them on the site (a never-cached preview).
STAFF_SEE = rule(NOT_FOUND, NOT_FOUND, OK, OK)
SIGNED_IN = rule(LOGIN, OK, OK, OK)
STAFF_ADMIN = rule(LOGIN, LOGIN, OK, OK)
PUBLISHER_ADMIN = rule(LOGIN, LOGIN, FORBIDDEN, OK)
NO_STAFF_ADMIN = rule(LOGIN, LOGIN, FORBIDDEN, FORBIDDEN)

SITE: dict[str, dict[str, dict]] = {
    # Outside the language prefix.
    "root": {"GET": everyone(REDIRECT)},
    "healthz": {"GET": PUBLIC},
    "robots_txt": {"GET": PUBLIC},
    "sitemap": {"GET": PUBLIC},
    "sitemap_section[resources]": {"GET": PUBLIC},
    "sitemap_section[unknown]": {"GET": everyone(NOT_FOUND)},
    # Django's language switch: a GET changes nothing and goes back.
    "set_language": {"GET": everyone(REDIRECT), "POST": everyone(REDIRECT)},
    # /<lang>/...
    "home": {"GET": PUBLIC},
    "pages:about": {"GET": PUBLIC},
    "pages:detail": {"GET": PUBLIC},
    "pages:detail[draft]": {"GET": STAFF_SEE},
    "partners:list": {"GET": PUBLIC},
    "partners:expertise": {"GET": PUBLIC},
    "partners:detail": {"GET": PUBLIC},
    "partners:detail[draft]": {"GET": STAFF_SEE},
    "programme:project_list": {"GET": PUBLIC},
    "programme:project_detail": {"GET": PUBLIC},
    "programme:project_detail[draft]": {"GET": STAFF_SEE},
    "programme:activity_list": {"GET": PUBLIC},
    "programme:activities_ics": {"GET": PUBLIC},
    "programme:activity_detail": {"GET": PUBLIC},
    "programme:activity_detail[draft]": {"GET": STAFF_SEE},
    "programme:activity_ics": {"GET": PUBLIC},
    "programme:activity_ics[draft]": {"GET": STAFF_SEE},
    "programme:calendar": {"GET": PUBLIC},
    "programme:photos": {"GET": PUBLIC},
    "resources:list": {"GET": PUBLIC},
    "resources:detail": {"GET": PUBLIC},
    # Listed to everyone with a lock; the body is for members and staff.
    "resources:detail[missions]": {"GET": PUBLIC},
    "resources:detail[staff]": {"GET": STAFF_SEE},
    "resources:detail[draft]": {"GET": STAFF_SEE},
    "resources:download": {"GET": PUBLIC},
    "resources:download[missions]": {"GET": SIGNED_IN},
    "resources:download[staff]": {"GET": STAFF_SEE},
    "resources:download[draft]": {"GET": STAFF_SEE},
    "resources:download[no-document]": {"GET": everyone(NOT_FOUND)},
    # Member accounts (portal/accounts): the invitation link is the authority.
    "accounts:invitation": {"GET": PUBLIC, "POST": everyone(REDIRECT)},
    "accounts:invitation[altered]": {"GET": everyone(BAD), "POST": everyone(BAD)},
    "accounts:profile": {
        "GET": SIGNED_IN,
        "POST": rule(LOGIN, REDIRECT, REDIRECT, REDIRECT),
    },
    # Never tells whether the address has an account: the same answer to all.
    "accounts:password_reset": {"GET": PUBLIC, "POST": everyone(REDIRECT)},
    "accounts:password_reset_done": {"GET": PUBLIC},
    # A valid link moves on to the set-password address (Django hides the token).
    "accounts:password_reset_confirm": {"GET": everyone(REDIRECT)},
    "accounts:password_reset_confirm[altered]": {"GET": everyone(BAD)},
    "accounts:password_reset_complete": {"GET": PUBLIC},
    # An empty form comes back with its errors.
    "accounts:password_change": {"GET": SIGNED_IN, "POST": SIGNED_IN},
    "accounts:password_change_done": {"GET": SIGNED_IN},
    # Proposals: mission members, and staff on a mission's behalf.
    "proposals:list": {"GET": SIGNED_IN},
    "proposals:new": {"GET": SIGNED_IN, "POST": SIGNED_IN},
    # Staff preview of any item, drafts included; anyone else: as if nothing were there.
    "preview:detail": {"GET": STAFF_SEE},
    "preview:detail[not-previewable]": {"GET": everyone(NOT_FOUND)},
    # Signed in already: sent on to the home page.
    "accounts:login": {
        "GET": rule(OK, REDIRECT, REDIRECT, REDIRECT),
        "POST": everyone(REDIRECT),
    },
    # Signing out is a POST (Django 5); a GET changes nothing.
    "accounts:logout": {"GET": everyone(NOT_ALLOWED), "POST": everyone(REDIRECT)},
    "figures": {"GET": PUBLIC},
    "figures_csv": {"GET": PUBLIC},
    "figures_csv[unknown]": {"GET": everyone(NOT_FOUND)},
    "feeds:resources_rss": {"GET": PUBLIC},
    "feeds:resources_atom": {"GET": PUBLIC},
    "feeds:activities_rss": {"GET": PUBLIC},
    "feeds:activities_atom": {"GET": PUBLIC},
    "search:search": {"GET": PUBLIC},
    "search:suggest": {"GET": PUBLIC},
    # The same answer whatever the address: anyone may ask for a subscription.
    "notifications:subscribe": {"GET": PUBLIC, "POST": everyone(REDIRECT)},
    "notifications:sent": {"GET": PUBLIC},
    "notifications:mine": {
        "GET": SIGNED_IN,
        "POST": rule(LOGIN, REDIRECT, REDIRECT, REDIRECT),
    },
    # Links from mails: the signed token is the authority, not the account.
    "notifications:confirm": {"GET": PUBLIC, "POST": PUBLIC},
    "notifications:confirm[altered]": {
        "GET": everyone(BAD),
        "POST": everyone(BAD),
    },
    "notifications:manage": {"GET": PUBLIC, "POST": everyone(REDIRECT)},
    "notifications:manage[altered]": {
        "GET": everyone(BAD),
        "POST": everyone(BAD),
    },
    "notifications:unsubscribe": {"GET": PUBLIC, "POST": PUBLIC},
    "notifications:unsubscribe[altered]": {
        "GET": everyone(BAD),
        "POST": everyone(BAD),
    },
}

# Effective admin rights of (editor, publisher) on each registered model:
# v(iew), a(dd), c(hange), d(elete). Anonymous visitors and mission members are
# sent to the admin's sign-in page everywhere.
CONTENT = ("vac", "vacd")
ADMIN_RIGHTS: dict[str, tuple[str, str]] = {
    # Superusers only.
    "auth.group": ("", ""),
    "accounts.user": ("", ""),
    # Publishers invite mission members; an invitation is never edited once sent.
    "accounts.invitation": ("", "vad"),
    "axes.accessattempt": ("", ""),
    "axes.accesslog": ("", ""),
    "axes.accessfailurelog": ("", ""),
    # Reference data: editors read, publishers maintain (nobody deletes).
    "taxonomy.region": ("v", "vac"),
    "taxonomy.country": ("v", "vac"),
    "taxonomy.theme": ("v", "vac"),
    "pages.page": CONTENT,
    "partners.partner": CONTENT,
    "partners.contact": CONTENT,
    "programme.project": CONTENT,
    "programme.activity": CONTENT,
    "programme.photo": CONTENT,
    "resources.resource": CONTENT,
    # The outbox and deliveries are written by the system: read-only even with
    # change permission (ReadOnlyAdmin); subscriptions are the subscriber's own.
    "notifications.subscription": ("", "v"),
    "notifications.event": ("", "v"),
    "notifications.delivery": ("", "v"),
    # Proposals come from members through the site (no add); publishers moderate.
    "proposals.proposal": ("", "vc"),
}

# Admin URLs that are not a model's standard views.
ADMIN_SITE: dict[str, dict[str, dict]] = {
    "admin:index": {"GET": STAFF_ADMIN},
    # Published items missing a translation, of the models the user may view.
    "translation_status": {"GET": STAFF_ADMIN},
    # Staff already signed in are sent on to the index.
    "admin:login": {"GET": rule(OK, OK, REDIRECT, REDIRECT)},
    # Signing out is a POST; the admin sends anyone not staff to its index.
    "admin:logout": {
        "GET": rule(REDIRECT, REDIRECT, NOT_ALLOWED, NOT_ALLOWED),
        "POST": everyone(REDIRECT),
    },
    "admin:password_change": {"GET": STAFF_ADMIN, "POST": STAFF_ADMIN},
    "admin:password_change_done": {"GET": STAFF_ADMIN},
    "admin:jsi18n": {"GET": STAFF_ADMIN},
    # A theme picker on the resource form: editors may view themes.
    "admin:autocomplete": {"GET": STAFF_ADMIN},
    "admin:autocomplete[unknown-field]": {"GET": NO_STAFF_ADMIN},
    # The subscription form's user picker must not list accounts to non-superusers.
    "admin:autocomplete[users]": {"GET": NO_STAFF_ADMIN},
    "admin:view_on_site": {"GET": rule(LOGIN, LOGIN, REDIRECT, REDIRECT)},
    "admin:auth_user_password_change": {
        "GET": NO_STAFF_ADMIN,
        "POST": NO_STAFF_ADMIN,
    },
    # Documents of resources: staff who may view the resource.
    "admin:resources_resource_private_file": {"GET": STAFF_ADMIN},
    "admin:resources_resource_private_file[not-a-file]": {
        "GET": rule(LOGIN, LOGIN, NOT_FOUND, NOT_FOUND)
    },
    "admin:proposals_proposal_attachment": {"GET": PUBLISHER_ADMIN},
    # Moderation: publishers (proposals.moderate_proposal); accepting is a POST.
    "admin:proposals_proposal_accept": {
        "GET": rule(LOGIN, LOGIN, NOT_ALLOWED, NOT_ALLOWED),
        "POST": PUBLISHER_ADMIN | {"publisher": REDIRECT},
    },
    # The reason form; an empty one comes back with its error.
    "admin:proposals_proposal_decline": {
        "GET": PUBLISHER_ADMIN,
        "POST": PUBLISHER_ADMIN,
    },
    "admin:notifications_delivery_status": {"GET": PUBLISHER_ADMIN},
}

# Spreadsheets (portal/imports): import needs add and change, export view. The
# confirm step without its dry run's fields is a 400 (never a 500).
SPREADSHEETS = {
    "import": {"GET": STAFF_ADMIN, "POST": STAFF_ADMIN},
    "process_import": {
        "GET": rule(LOGIN, LOGIN, NOT_ALLOWED, NOT_ALLOWED),
        "POST": rule(LOGIN, LOGIN, BAD, BAD),
    },
    "export": {"GET": STAFF_ADMIN, "POST": STAFF_ADMIN},
}

# Workflow buttons of publishable items (portal/workflow): each tried on an item
# in the status the step starts from. Editors submit; publishers do the rest. A
# step that needs no form answers a GET with 405 once the user may take it.
STAFF_405 = rule(LOGIN, LOGIN, NOT_ALLOWED, NOT_ALLOWED)
PUBLISHER_405 = rule(LOGIN, LOGIN, FORBIDDEN, NOT_ALLOWED)
PUBLISHER_DOES = rule(LOGIN, LOGIN, FORBIDDEN, REDIRECT)
WORKFLOW = {
    "submit": {"GET": STAFF_405, "POST": rule(LOGIN, LOGIN, REDIRECT, REDIRECT)},
    "return": {"GET": PUBLISHER_ADMIN, "POST": PUBLISHER_ADMIN},
    "publish": {"GET": PUBLISHER_405, "POST": PUBLISHER_DOES},
    "schedule": {"GET": PUBLISHER_ADMIN, "POST": PUBLISHER_ADMIN},
    "archive": {"GET": PUBLISHER_405, "POST": PUBLISHER_DOES},
    "unarchive": {"GET": PUBLISHER_405, "POST": PUBLISHER_DOES},
    "unknown": {"GET": rule(LOGIN, LOGIN, NOT_FOUND, NOT_FOUND)},
}
# An item in review or published is the publishers': read-only for editors.
CHANGE_OUT_OF_DRAFT = {
    "GET": STAFF_ADMIN,
    "POST": rule(LOGIN, LOGIN, FORBIDDEN, OK),
}

# The parts of a publishable item (a partner's contacts, an activity's photos)
# follow the item: an editor may not change them once it is in review or
# published (PartOfPublishableAdmin). The world's contact and photo belong to
# published items: the page opens read-only, a POST is refused.
PART_OF_PUBLISHED = {"POST": rule(LOGIN, LOGIN, FORBIDDEN, OK)}
ADMIN_OVERRIDES: dict[str, dict[str, dict]] = {
    "admin:partners_contact_change": PART_OF_PUBLISHED,
    "admin:programme_photo_change": PART_OF_PUBLISHED,
}

# The standard views of a ModelAdmin, by URL name suffix.
MODEL_VIEWS = ("changelist", "add", "change", "delete", "history", "simple_history")


def model_view_rules(label: str, view: str) -> dict[str, dict]:
    """The rule of one standard admin view of one model, from ``ADMIN_RIGHTS``."""
    editor, publisher = ADMIN_RIGHTS[label]

    def outcome(rights: str, needs: str, allowed: str = OK) -> str:
        return allowed if any(right in rights for right in needs) else FORBIDDEN

    def both(needs: str, allowed: str = OK) -> dict:
        return rule(
            LOGIN,
            LOGIN,
            outcome(editor, needs, allowed),
            outcome(publisher, needs, allowed),
        )

    if view == "changelist":
        return {"GET": both("vc")}
    if view == "add":
        return {"GET": both("a"), "POST": both("a")}
    if view == "change":
        # An empty POST from someone allowed is the form again, with its errors.
        return {"GET": both("vc"), "POST": both("c")}
    if view == "delete":
        return {"GET": both("d"), "POST": both("d", REDIRECT)}
    if view == "history":
        return {"GET": both("vc")}
    if view == "simple_history":
        # A past version is shown, never reverted: a POST is refused to everyone.
        return {"GET": both("vc"), "POST": rule(LOGIN, LOGIN, FORBIDDEN, FORBIDDEN)}
    raise KeyError(view)


def app_list_rule(app_label: str, labels: list[str]) -> dict[str, dict]:
    """An app's admin index: 404 to staff with no right on any of its models."""
    editor = any(ADMIN_RIGHTS[label][0] for label in labels)
    publisher = any(ADMIN_RIGHTS[label][1] for label in labels)
    return {
        "GET": rule(
            LOGIN,
            LOGIN,
            OK if editor else NOT_FOUND,
            OK if publisher else NOT_FOUND,
        )
    }
