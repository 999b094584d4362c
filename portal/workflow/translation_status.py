"""A staff page: every published item that lacks a translation, and which one.

One query per translated model (the missing languages are computed in the
database), whatever the number of items.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import BooleanField, ExpressionWrapper
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from portal.admin import missing_in
from portal.publishing import Publishable
from portal.workflow.admin_views import preview_links


def translated_models(user) -> list:
    """Publishable models registered in the admin that ``user`` may view."""
    models = [
        model
        for model in admin.site._registry
        if issubclass(model, Publishable)
        and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]
    return sorted(models, key=lambda model: str(model._meta.verbose_name_plural))


def missing_translations(model) -> list:
    """Published items of ``model`` with a language incomplete, flagged per language."""
    fields = model.required_translated_fields
    codes = [code for code, _name in settings.LANGUAGES]
    missing = {code: missing_in(code, fields) for code in codes}
    columns = [f"{field}_{code}" for field in fields for code in codes]
    return list(
        model.objects.published()
        .filter(reduce(or_, missing.values()))
        .annotate(
            **{
                f"missing_{code}": ExpressionWrapper(
                    condition, output_field=BooleanField()
                )
                for code, condition in missing.items()
            }
        )
        .only("pk", "slug", "status", "published_at", *columns)
        .order_by("-published_at", "-pk")
    )


def _title(item, fields: tuple[str, ...]) -> str:
    for code, _name in settings.LANGUAGES:
        value = getattr(item, f"{fields[0]}_{code}", "") or ""
        if value.strip():
            return value
    return item.slug


@admin.site.admin_view
def translation_status(request):
    names = dict(settings.LANGUAGES)
    sections = []
    for model in translated_models(request.user):
        meta = model._meta
        fields = model.required_translated_fields
        rows = []
        for item in missing_translations(model):
            try:
                change_url = reverse(
                    f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk]
                )
            except NoReverseMatch:
                change_url = ""
            rows.append(
                {
                    "title": _title(item, fields),
                    "change_url": change_url,
                    "published_at": item.published_at,
                    "missing": [
                        names[code]
                        for code in names
                        if getattr(item, f"missing_{code}", False)
                    ],
                    "previews": preview_links(item),
                }
            )
        sections.append(
            {"name": meta.verbose_name_plural, "rows": rows, "fields": fields}
        )
    context = {
        **admin.site.each_context(request),
        "title": gettext("Published items with a missing translation"),
        "sections": sections,
        "total": sum(len(section["rows"]) for section in sections),
    }
    return TemplateResponse(request, "admin/workflow/translation_status.html", context)
