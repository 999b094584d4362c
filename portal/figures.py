"""Programme figures, read through each app's querysets."""

from django.db.models import Count, Sum

from partners.models import Partner
from programme.models import Activity
from resources.models import Resource


def key_figures() -> dict[str, int]:
    """The headline numbers on the home page: three cheap aggregate queries."""
    activities = Activity.objects.published().aggregate(
        count=Count("pk"), participants=Sum("participants")
    )
    partners = Partner.objects.published().aggregate(
        count=Count("pk"), countries=Count("country", distinct=True)
    )
    return {
        "partners": partners["count"],
        "countries": partners["countries"],
        "activities": activities["count"] or 0,
        "participants": activities["participants"] or 0,
        "resources": Resource.objects.published().exclude(access="staff").count(),
    }
