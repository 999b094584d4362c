"""The search page and its suggestions endpoint."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .finder import find
from .forms import MAX_QUERY, SearchForm
from .ranking import Criteria
from .suggestions import suggestions


@require_safe
def search(request):
    form = SearchForm(request.GET)
    valid = form.is_valid()
    data = form.cleaned_data
    # Invalid filters are reported and left out; the words still search.
    criteria = Criteria(
        q=data.get("q", ""),
        kind=tuple(data.get("type") or ()),
        theme=tuple(data.get("theme") or ()),
        region=tuple(data.get("region") or ()),
        year=tuple(data.get("year") or ()),
        language=data.get("language") or "",
    )
    outcome = None
    if criteria.q:
        outcome = find(
            criteria=criteria, user=request.user, page_number=request.GET.get("page")
        )
    filter_active = any(
        key not in ("q", "page") and values for key, values in request.GET.lists()
    )
    response = render(
        request,
        "search/search.html",
        {
            "form": form,
            "form_valid": valid,
            "outcome": outcome,
            "page_obj": outcome.page if outcome else None,
            "paginator": outcome.page.paginator if outcome else None,
            "facets": outcome.facets if outcome else [],
            "filter_active": filter_active,
            "max_query": MAX_QUERY,
            "truncated": form.truncated,
        },
    )
    if request.user.is_authenticated:
        # Results depend on who asks: never kept by a shared cache.
        patch_cache_control(response, private=True)
    return response


@require_safe
def suggest(request):
    found = suggestions(text=request.GET.get("q", ""), user=request.user)
    response = JsonResponse({"suggestions": found})
    patch_cache_control(response, private=True, max_age=60)
    return response
