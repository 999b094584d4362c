"""Proposals: a member submits, a publisher accepts (a prefilled draft) or declines.

What accepting creates, by kind:

- good practice -> a draft Resource of kind "good practice";
- resource -> a draft Resource of kind "publication" (the publisher adjusts it);
  for both, the text goes to the proposal's language (``title_ru`` or ``title_en``),
  the first attached document (PDF, DOCX, XLSX, PPTX) is copied as that language's
  document, and access starts at "missions and staff" until a publisher opens it;
- offer / request of expertise -> the member-state Partner of the proposal's
  country: its "expertise offered" (offer) or "expertise sought" (request) gain the
  proposal's themes. When the country has no partner yet, a draft Partner is
  created with those themes. The matching pages read exactly these fields, and the
  publisher who accepts is the one allowed to change them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partners.models import Partner, PartnerKind
from portal.accounts.models import User
from portal.notifications import mail
from portal.notifications.services import proposal_submitted_notify
from portal.notifications.services.sending import messages_send
from portal.publishing import Status
from portal.queueing import queue_on_commit
from portal.services import content_save
from portal.taxonomy.models import Country, Region, Theme
from portal.uploads import ATTACHMENTS, DOCUMENTS, TYPES, check_upload
from resources.models import Access, Resource, ResourceKind

from . import tasks
from .models import (
    Proposal,
    ProposalAttachment,
    ProposalKind,
    ProposalStatus,
    can_propose,
)

MODERATE_PERMISSION = "proposals.moderate_proposal"
RESOURCE_KINDS = {
    ProposalKind.GOOD_PRACTICE: ResourceKind.GOOD_PRACTICE,
    ProposalKind.RESOURCE: ResourceKind.PUBLICATION,
}
EXPERTISE_KINDS = {ProposalKind.OFFER, ProposalKind.REQUEST}
DOCUMENT_EXTENSIONS = {TYPES[key].extension for key in DOCUMENTS}


@transaction.atomic
def proposal_submit(
    *,
    by: User,
    kind: str,
    title: str,
    description: str,
    language: str,
    country: Country | None = None,
    themes: Iterable[Theme] = (),
    regions: Iterable[Region] = (),
    files: Sequence = (),
) -> Proposal:
    """Record what a member proposes, with its files, and tell the Publishers."""
    if not can_propose(by):
        raise PermissionDenied
    themes, regions = list(themes), list(regions)
    limit = settings.PROPOSAL_MAX_ATTACHMENTS
    if len(files) > limit:
        raise ValidationError(
            {
                "attachments": ngettext(
                    "Attach at most %(limit)d file.",
                    "Attach at most %(limit)d files.",
                    limit,
                )
                % {"limit": limit}
            }
        )
    if kind in EXPERTISE_KINDS:
        errors = {}
        if not themes:
            errors["themes"] = _("Choose the themes of the expertise.")
        if country is None:
            errors["country"] = _("Choose the country that offers or seeks it.")
        if errors:
            raise ValidationError(errors)
    checked = [check_upload(file, accept=ATTACHMENTS) for file in files]
    proposal = Proposal(
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        language=language,
        country=country,
        submitted_by=by,
    )
    proposal.full_clean()
    proposal.save()
    proposal.themes.set(themes)
    proposal.regions.set(regions)
    for file in checked:
        ProposalAttachment.objects.create(
            proposal=proposal,
            file=file,
            original_name=file.portal_upload.display_name,
        )
    proposal_submitted_notify(proposal=proposal)
    return proposal


def _locked_undecided(proposal: Proposal, by: User) -> Proposal:
    """The proposal, locked for this transaction; refused if already decided."""
    if not by.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status == ProposalStatus.ACCEPTED:
        raise ValidationError(
            _("“%(title)s” has already been accepted; the decision cannot be changed.")
            % {"title": locked.title},
            code="decided",
        )
    if locked.status == ProposalStatus.DECLINED:
        raise ValidationError(
            _("“%(title)s” has already been declined; the decision cannot be changed.")
            % {"title": locked.title},
            code="decided",
        )
    return locked


@transaction.atomic
def proposal_accept(*, proposal: Proposal, by: User) -> Resource | Partner:
    """Accept: create the prefilled draft (see the module's docstring), link it."""
    proposal = _locked_undecided(proposal, by)
    if proposal.kind in RESOURCE_KINDS:
        result = _resource_draft(proposal, by)
    else:
        result = _expertise_partner(proposal, by)
    proposal.status = ProposalStatus.ACCEPTED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.result = result
    proposal.save()
    proposal_decision_notify(proposal=proposal)
    return result


@transaction.atomic
def proposal_decline(*, proposal: Proposal, by: User, reason: str) -> Proposal:
    """Decline with a reason, which the member reads on their list and in a mail."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Give the reason: the member will read it.")},
            code="required",
        )
    proposal = _locked_undecided(proposal, by)
    proposal.status = ProposalStatus.DECLINED
    proposal.decision_reason = reason
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save()
    proposal_decision_notify(proposal=proposal)
    return proposal


def _unique_slug(model, base: str) -> str:
    base = base[:100].strip("-") or "proposal"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _resource_draft(proposal: Proposal, by: User) -> Resource:
    code = proposal.language
    resource = Resource(
        kind=RESOURCE_KINDS[proposal.kind],
        status=Status.DRAFT,
        access=Access.MISSIONS,
        slug=_unique_slug(
            Resource, f"proposal-{proposal.pk}-{slugify(proposal.title)[:60]}"
        ),
    )
    setattr(resource, f"title_{code}", proposal.title[:300])
    setattr(resource, f"summary_{code}", proposal.description)
    organisation = proposal.submitted_by.organisation
    if organisation:
        setattr(resource, f"publisher_{code}", organisation[:200])
    document = next(
        (
            attachment
            for attachment in proposal.attachments.all()
            if any(
                attachment.file.name.lower().endswith(e) for e in DOCUMENT_EXTENSIONS
            )
        ),
        None,
    )
    if document is not None:
        # A copy: the resource keeps its document if the proposal is deleted.
        with document.file.open("rb") as handle:
            getattr(resource, f"document_{code}").save(
                document.file.name, File(handle), save=False
            )
    with translation.override(code):
        content_save(item=resource, by=by)
    resource.themes.set(proposal.themes.all())
    resource.regions.set(proposal.regions.all())
    if proposal.country_id:
        resource.countries.set([proposal.country_id])
    return resource


def _expertise_partner(proposal: Proposal, by: User) -> Partner:
    if proposal.country is None:
        raise ValidationError(
            _("An offer or request of expertise needs a country."), code="country"
        )
    themes = list(proposal.themes.all())
    partner = (
        Partner.objects.filter(country=proposal.country, kind=PartnerKind.MEMBER_STATE)
        .order_by("pk")
        .first()
    )
    if partner is None:
        country = proposal.country
        partner = Partner(
            kind=PartnerKind.MEMBER_STATE,
            status=Status.DRAFT,
            country=country,
            region=country.region,
            name_ru=country.name_ru,
            name_en=country.name_en,
            slug=_unique_slug(Partner, slugify(country.name_en or country.iso3)),
        )
        setattr(partner, f"summary_{proposal.language}", proposal.description)
        with translation.override(proposal.language):
            content_save(item=partner, by=by)
    relation = partner.offers if proposal.kind == ProposalKind.OFFER else partner.seeks
    relation.add(*themes)
    return partner


# --- telling the member -----------------------------------------------------------


def proposal_decision_notify(*, proposal: Proposal) -> None:
    """Mail the member the decision once it is committed."""
    queue_on_commit(tasks.notify_decision, proposal.pk)


def proposal_decision_send(*, proposal_id: int) -> bool:
    """Send the decision mail in the member's language; False if nothing to send."""
    proposal = (
        Proposal.objects.select_related("submitted_by").filter(pk=proposal_id).first()
    )
    if proposal is None or not proposal.is_decided:
        return False
    member = proposal.submitted_by
    if not member.is_active or not member.email:
        return False
    language = member.preferred_language
    with translation.override(language):
        from django.urls import reverse

        list_url = mail.absolute_url(reverse("proposals:list"))
    message = mail.build_message(
        template="proposals/email/decision",
        context={
            "proposal": proposal,
            "accepted": proposal.status == ProposalStatus.ACCEPTED,
            "title": mail.header_text(proposal.title, 200),
            "list_url": list_url,
            "member": member,
        },
        to=member.email,
        language=language,
    )
    return messages_send([message]) == 1
