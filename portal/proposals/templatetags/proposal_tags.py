"""The member's own proposals, shown on their profile page."""

from django import template

from portal.proposals.models import Proposal, can_propose

register = template.Library()

# The profile shows the latest few; the full list is at /<lang>/proposals/.
PROFILE_LIMIT = 5


@register.inclusion_tag("proposals/includes/member_proposals.html")
def member_proposals(user):
    """Status, dates and decline reasons of ``user``'s latest proposals (one query)."""
    if not user.is_authenticated:
        return {"proposals": [], "can_propose": False}
    proposals = list(
        Proposal.objects.submitted_by(user).with_listing_data()[:PROFILE_LIMIT]
    )
    return {"proposals": proposals, "can_propose": can_propose(user)}
