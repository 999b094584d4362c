"""Concrete requests for every URL name: the resolver walked, arguments filled from
the world, one case per (URL, method, language).

Names under ``i18n_patterns`` are tried in every language of the site; the rest
(robots, sitemap, healthz, i18n, the admin) once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from portal import figures
from portal.notifications.models import Frequency
from tests.access import table
from tests.access.world import PASSWORD, World

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    localised: bool


def walk(patterns, prefix: str = "", namespace: str | None = None, localised=False):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from walk(
                entry.url_patterns,
                prefix + str(entry.pattern),
                inner,
                localised or isinstance(entry.pattern, LocalePrefixPattern),
            )
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Route(name, prefix + str(entry.pattern), localised)


@functools.cache
def routes() -> dict[str, Route]:
    """Every named URL the project serves, by full name (the URLconf is fixed
    for the life of the process)."""
    found: dict[str, Route] = {}
    for route in walk(get_resolver().url_patterns):
        found.setdefault(route.name, route)
    return found


def base_name(case_id: str) -> str:
    return case_id.split("[", 1)[0]


@dataclass
class Case:
    id: str
    method: str
    url: str
    language: str | None
    data: dict[str, Any] = field(default_factory=dict)
    # What a refused POST must leave as it was, besides the row counts.
    target: Any = None

    @property
    def label(self) -> str:
        where = f" ({self.language})" if self.language else ""
        return f"{self.method} {self.id}{where}"


# How to fill each site URL from the world: (args, query, POST data, target).
Filler = Callable[[World], dict[str, Any]]


def _slug(key: str) -> Filler:
    return lambda w: {"kwargs": {"slug": w.objects[key].slug}, "target": w.objects[key]}


def _download(key: str, language: str = "ru") -> Filler:
    return lambda w: {
        "kwargs": {"slug": w.objects[key].slug, "doc_lang": language},
        "target": w.objects[key],
    }


def _token(purpose: str, altered: bool = False) -> Filler:
    def fill(w: World) -> dict[str, Any]:
        token = w.tokens[purpose]
        if altered:
            token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        return {"kwargs": {"token": token}, "target": w.subscription}

    return fill


PREFERENCES = {"language": "en", "frequency": Frequency.WEEKLY}
NEW_PASSWORD = "a long enough pass phrase 4711"


def _invitation(altered: bool = False) -> Filler:
    def fill(w: World) -> dict[str, Any]:
        token = w.tokens["invitation"]
        if altered:
            token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        return {
            "kwargs": {"token": token},
            "target": w.invitation,
            "post": {
                "full_name": "New Member",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        }

    return fill


def _reset(altered: bool = False) -> Filler:
    def fill(w: World) -> dict[str, Any]:
        token = w.tokens["reset"] + ("x" if altered else "")
        return {"kwargs": {"uidb64": w.tokens["reset_uid"], "token": token}}

    return fill


def _preview(key: str) -> Filler:
    def fill(w: World) -> dict[str, Any]:
        obj = w.objects[key]
        meta = obj._meta
        return {
            "kwargs": {
                "app_label": meta.app_label,
                "model_name": meta.model_name,
                "pk": obj.pk,
            }
        }

    return fill


SITE_FILLERS: dict[str, Filler] = {
    "sitemap_section[resources]": lambda w: {"kwargs": {"section": "resources"}},
    "sitemap_section[unknown]": lambda w: {"kwargs": {"section": "nowhere"}},
    "set_language": lambda w: {
        "query": "?next=/ru/",
        "post": {"language": "en", "next": "/en/"},
    },
    "pages:detail": _slug("page"),
    "pages:detail[draft]": _slug("page_draft"),
    "partners:detail": _slug("partner"),
    "partners:detail[draft]": _slug("partner_draft"),
    "programme:project_detail": _slug("project"),
    "programme:project_detail[draft]": _slug("project_draft"),
    "programme:activity_detail": _slug("activity"),
    "programme:activity_detail[draft]": _slug("activity_draft"),
    "programme:activity_ics": _slug("activity"),
    "programme:activity_ics[draft]": _slug("activity_draft"),
    "resources:detail": _slug("resource_public"),
    "resources:detail[missions]": _slug("resource_missions"),
    "resources:detail[staff]": _slug("resource_staff"),
    "resources:detail[draft]": _slug("resource_draft"),
    "resources:download": _download("resource_public"),
    "resources:download[missions]": _download("resource_missions"),
    "resources:download[staff]": _download("resource_staff"),
    "resources:download[draft]": _download("resource_draft"),
    "resources:download[no-document]": _download("resource_public", "en"),
    "accounts:login": lambda w: {
        "post": {"username": w.users["login_target"].email, "password": PASSWORD}
    },
    "accounts:invitation": _invitation(),
    "accounts:invitation[altered]": _invitation(altered=True),
    "accounts:profile": lambda w: {
        "post": {
            "full_name": "Renamed",
            "preferred_language": "en",
            "country": w.country.pk,
            "organisation": "Mission",
        }
    },
    "accounts:password_reset": lambda w: {
        "post": {"email": w.users["login_target"].email}
    },
    "accounts:password_reset_confirm": _reset(),
    "accounts:password_reset_confirm[altered]": _reset(altered=True),
    "preview:detail": _preview("resource_draft"),
    "preview:detail[not-previewable]": _preview("theme"),
    "figures_csv": lambda w: {
        "kwargs": {"chart": next(iter(figures.programme_figures().charts))}
    },
    "figures_csv[unknown]": lambda w: {"kwargs": {"chart": "nothing-here"}},
    # Every hidden item's title has this word: only staff may find them.
    "search:search": lambda w: {"query": "?q=Hidden"},
    "search:suggest": lambda w: {"query": "?q=Hidd"},
    "notifications:subscribe": lambda w: {
        "post": {"email": "newcomer@example.org", **PREFERENCES}
    },
    "notifications:mine": lambda w: {"post": PREFERENCES},
    "notifications:confirm": _token("confirm"),
    "notifications:confirm[altered]": _token("confirm", altered=True),
    "notifications:manage": lambda w: {**_token("manage")(w), "post": PREFERENCES},
    "notifications:manage[altered]": lambda w: {
        **_token("manage", altered=True)(w),
        "post": PREFERENCES,
    },
    "notifications:unsubscribe": _token("unsubscribe"),
    "notifications:unsubscribe[altered]": _token("unsubscribe", altered=True),
}


def _build(
    case_id: str, rules: dict, fill: dict, languages: tuple[str | None, ...]
) -> Iterator[Case]:
    for language in languages:
        with translation.override(language or settings.LANGUAGE_CODE):
            url = reverse(
                base_name(case_id),
                args=fill.get("args", ()),
                kwargs=fill.get("kwargs", {}),
            )
        for method in rules:
            yield Case(
                id=case_id,
                method=method,
                url=url + (fill.get("query", "") if method == "GET" else ""),
                language=language,
                data=fill.get("post", {}) if method == "POST" else {},
                target=fill.get("target"),
            )


def site_cases(world: World) -> list[Case]:
    known = routes()
    cases: list[Case] = []
    for case_id, rules in table.SITE.items():
        route = known[base_name(case_id)]
        fill = SITE_FILLERS.get(case_id, lambda w: {})(world)
        languages = LANGUAGES if route.localised else (None,)
        cases.extend(_build(case_id, rules, fill, languages))
    return cases


# Which world object the standard admin views of each model open.
ADMIN_OBJECTS = {
    "auth.group": "group",
    "accounts.user": "user",
    "accounts.invitation": "invitation",
    "axes.accessattempt": "accessattempt",
    "axes.accesslog": "accesslog",
    "axes.accessfailurelog": "accessfailurelog",
    "taxonomy.region": "region",
    "taxonomy.country": "country",
    "taxonomy.theme": "theme",
    # Drafts: what every staff role may open and edit.
    "pages.page": "page_draft",
    "partners.partner": "partner_draft",
    "partners.contact": "contact",
    "programme.project": "project_draft",
    "programme.activity": "activity_draft",
    "programme.photo": "photo",
    "resources.resource": "resource_draft",
    "notifications.subscription": "subscription",
    "notifications.event": "event",
    "notifications.delivery": "delivery",
    "proposals.proposal": "proposal",
}


@functools.cache
def admin_views() -> dict[str, tuple[str, str, str]]:
    """Admin URL names with a rule derived per model: name -> (label, kind, view).

    ``kind`` is "model" (the standard views), "spreadsheet" or "workflow".
    """
    known = routes()
    names = {}
    for model in admin.site._registry:
        meta = model._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}_"
        label = meta.label_lower
        for view in table.MODEL_VIEWS:
            if prefix + view in known:
                names[prefix + view] = (label, "model", view)
        for view in table.SPREADSHEETS:
            if prefix + view in known:
                names[prefix + view] = (label, "spreadsheet", view)
        if prefix + "workflow" in known:
            names[prefix + "workflow"] = (label, "workflow", "")
    return names


def admin_app_labels() -> dict[str, list[str]]:
    apps: dict[str, list[str]] = {}
    for model in admin.site._registry:
        apps.setdefault(model._meta.app_label, []).append(model._meta.label_lower)
    return apps


def admin_rules() -> dict[str, dict[str, dict]]:
    """The admin part of the table, with the per-model views expanded."""
    rules = dict(table.ADMIN_SITE)
    for name, (label, kind, view) in admin_views().items():
        if kind == "model":
            rules[name] = {
                **table.model_view_rules(label, view),
                **table.ADMIN_OVERRIDES.get(name, {}),
            }
        elif kind == "spreadsheet":
            rules[name] = table.SPREADSHEETS[view]
        else:
            for action, rule in table.WORKFLOW.items():
                rules[f"{name}[{action}]"] = rule
            change = name.removesuffix("workflow") + "change"
            for status in ("review", "published"):
                rules[f"{change}[{status}]"] = table.CHANGE_OUT_OF_DRAFT
    for app_label, labels in admin_app_labels().items():
        rules[f"admin:app_list[{app_label}]"] = table.app_list_rule(app_label, labels)
    return rules


# The item each workflow step is tried on: one in the status the step starts from.
WORKFLOW_STATUS = {
    "submit": "draft",
    "return": "review",
    "publish": "draft",
    "schedule": "draft",
    "archive": "draft",
    "unarchive": "archived",
    "unknown": "draft",
}


def variant(case_id: str) -> str:
    return case_id.split("[", 1)[1].rstrip("]") if "[" in case_id else ""


def _admin_fill(case_id: str, world: World) -> dict[str, Any]:
    objects = world.objects
    name = base_name(case_id)
    label, kind, view = admin_views().get(name, (None, None, None))
    if kind == "spreadsheet":
        return {"post": {}}
    if kind == "workflow":
        base = ADMIN_OBJECTS[label].removesuffix("_draft")
        action = variant(case_id)
        obj = objects[f"{base}_{WORKFLOW_STATUS[action]}"]
        return {"args": [obj.pk, action], "target": obj, "post": {}}
    if kind == "model":
        obj = objects[ADMIN_OBJECTS[label]]
        if view == "change" and variant(case_id):
            base = ADMIN_OBJECTS[label].removesuffix("_draft")
            obj = objects[base if variant(case_id) == "published" else f"{base}_review"]
        if view == "changelist":
            return {}
        if view == "add":
            return {"post": {}}
        if view == "simple_history":
            version = obj.history.order_by("-history_id").first()
            return {"args": [obj.pk, version.history_id], "target": obj, "post": {}}
        post = {"post": "yes"} if view == "delete" else {}
        return {"args": [obj.pk], "target": obj, "post": post}
    if name == "admin:app_list":
        return {"kwargs": {"app_label": variant(case_id)}}
    if name.startswith("admin:proposals_proposal_"):
        if name.endswith("_attachment"):
            return {"args": [objects["proposal"].pk, objects["attachment"].pk]}
        return {"args": [objects["proposal"].pk], "target": objects["proposal"]}
    if case_id == "admin:autocomplete":
        return {"query": "?app_label=resources&model_name=resource&field_name=themes"}
    if case_id == "admin:autocomplete[users]":
        return {
            "query": "?app_label=notifications&model_name=subscription"
            "&field_name=user&term=example"
        }
    if case_id == "admin:autocomplete[unknown-field]":
        return {"query": "?app_label=resources&model_name=resource&field_name=nope"}
    if name == "admin:view_on_site":
        resource = objects["resource_public"]
        content_type = ContentType.objects.get_for_model(resource)
        return {"args": [content_type.pk, resource.pk]}
    if name == "admin:auth_user_password_change":
        return {"args": [objects["user"].pk], "target": objects["user"]}
    if case_id == "admin:resources_resource_private_file":
        return {"args": [objects["resource_public"].pk, "document_ru"]}
    if case_id == "admin:resources_resource_private_file[not-a-file]":
        return {"args": [objects["resource_public"].pk, "title_ru"]}
    return {}


def admin_cases(world: World) -> list[Case]:
    cases: list[Case] = []
    for case_id, rules in admin_rules().items():
        fill = _admin_fill(case_id, world)
        cases.extend(_build(case_id, rules, fill, (None,)))
    return cases
