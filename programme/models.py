"""Projects and the exchange activities carried out under them, with their photos."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.links import slug_url
from portal.publishing import (
    Publishable,
    PublishableQuerySet,
    Status,
    translated_sort_key,
)
from portal.richtext import RichTextField
from portal.storage import GeneratedFileName
from portal.taxonomy.models import Theme
from portal.uploads import CheckedImageField

# What a card shows of an activity (programme_tags.activity_card), its language
# badge included (``complete_languages``): a page of cards reads these columns
# only, not the long texts nor the audit fields.
CARD_FIELDS = (
    "slug",
    "status",
    "kind",
    "start_date",
    "end_date",
    "format",
    *(
        f"{field}_{code}"
        for field in ("title", "summary", "city")
        for code, _name in settings.LANGUAGES
    ),
    *(f"host_country__name_{code}" for code, _name in settings.LANGUAGES),
)


# What a project's card shows (programme_tags.project_card), its language badge
# included: a list of cards reads these columns only, not the long texts (the
# bodies were half of each row the project list read).
PROJECT_CARD_FIELDS = (
    "slug",
    "status",
    "start_date",
    "end_date",
    *(
        f"{field}_{code}"
        for field in ("title", "summary")
        for code, _name in settings.LANGUAGES
    ),
)


def _themes():
    """Themes with what a tag shows: their name and the key of their order."""
    return Theme.objects.only("id", "slug", "order", "name", "name_ru", "name_en")


class ProjectQuerySet(PublishableQuerySet):
    def for_cards(self) -> ProjectQuerySet:
        """What a card shows of the project (``PROJECT_CARD_FIELDS``); its themes:
        ``rows.attach_project_themes``."""
        return self.only(*PROJECT_CARD_FIELDS)

    def with_listing_data(self) -> ProjectQuerySet:
        """Themes as ``listed_themes`` (a list: no queryset built per project)."""
        return self.prefetch_related(
            Prefetch("themes", queryset=_themes(), to_attr="listed_themes")
        )


class Project(Publishable):
    required_translated_fields = ("title", "summary")

    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("themes"), blank=True, related_name="projects"
    )
    regions = models.ManyToManyField(
        "taxonomy.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="projects",
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("partners"),
        blank=True,
        related_name="projects",
    )

    objects = ProjectQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start_date", "slug"]
        permissions = [("publish_project", _("Can publish projects"))]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="programme_project_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return slug_url("programme:project_detail", self.slug)


class ActivityKind(models.TextChoices):
    TRAINING_COURSE = "training", _("Training course")
    WORKSHOP = "workshop", _("Workshop")
    STUDY_VISIT = "study_visit", _("Study visit")
    EXPERT_EXCHANGE = "expert_exchange", _("Expert exchange")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    IN_KIND = "in_kind", _("In-kind contribution")


class ActivityFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class ActivityQuerySet(PublishableQuerySet):
    def with_listing_data(self) -> ActivityQuerySet:
        """What a card shows of the activity itself (``CARD_FIELDS``) and of its
        host country. Its themes and partners: ``rows.attach_card_names``."""
        return self.select_related("host_country").only(*CARD_FIELDS)

    def with_visible_project(self, user) -> ActivityQuerySet:
        """The project, and ``project_visible``: may ``user`` follow a link to it?

        An annotation rather than a second query per page.
        """
        visible = Project.objects.visible_to(user).filter(
            pk=models.OuterRef("project_id")
        )
        return self.select_related("project").annotate(
            project_visible=models.Exists(visible)
        )

    def search(self, text: str) -> ActivityQuerySet:
        """Title or summary, in either language, contains ``text``."""
        text = text.strip()
        if not text:
            return self
        condition = Q()
        for code, _name in settings.LANGUAGES:
            condition |= Q(**{f"title_{code}__icontains": text})
            condition |= Q(**{f"summary_{code}__icontains": text})
        return self.filter(condition)

    def upcoming(self, today: datetime.date | None = None) -> ActivityQuerySet:
        """Activities that have not ended yet: running today or still to come."""
        return self.filter(end_date__gte=today or timezone.localdate())

    def past(self, today: datetime.date | None = None) -> ActivityQuerySet:
        return self.filter(end_date__lt=today or timezone.localdate())

    def running_between(
        self, first: datetime.date, last: datetime.date
    ) -> ActivityQuerySet:
        """Activities with at least one day from ``first`` to ``last`` (inclusive)."""
        return self.filter(start_date__lte=last, end_date__gte=first)

    def since(self, day: datetime.date) -> ActivityQuerySet:
        """Activities still running on ``day`` or later."""
        return self.filter(end_date__gte=day)

    def by_title(self, language: str | None = None) -> ActivityQuerySet:
        """A to Z by the title shown in ``language`` (the active one by default)."""
        return self.order_by(translated_sort_key("title", language).asc(), "pk")


class Activity(Publishable):
    """An exchange: who shared expertise with whom, when, where and with what result."""

    required_translated_fields = ("title", "summary")

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("description"), blank=True)
    outcomes = RichTextField(_("outcomes"), blank=True)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    format = models.CharField(
        _("format"),
        max_length=10,
        choices=ActivityFormat.choices,
        default=ActivityFormat.IN_PERSON,
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    host_country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("host country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_activities",
    )
    providers = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("providers of expertise"),
        blank=True,
        related_name="activities_provided",
    )
    beneficiaries = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("beneficiaries"),
        blank=True,
        related_name="activities_received",
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="activities",
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    women_participants = models.PositiveIntegerField(
        _("women participants"), null=True, blank=True
    )

    objects = ActivityQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-start_date", "slug"]
        permissions = [("publish_activity", _("Can publish activities"))]
        # What visitors list: the ledger's newest first, and what is still to come.
        indexes = [
            models.Index(
                fields=["-start_date", "-end_date", "slug"],
                condition=models.Q(status="published"),
                name="programme_activity_listed",
            ),
            models.Index(
                fields=["end_date"],
                condition=models.Q(status="published"),
                name="programme_activity_upcoming",
            ),
            # The sitemap's "last modified".
            models.Index(
                fields=["-updated_at"],
                condition=models.Q(status="published"),
                name="programme_activity_updated",
            ),
            # The home page's "participants": summed from the index alone.
            models.Index(
                fields=["participants"],
                condition=models.Q(status="published"),
                name="programme_activity_people",
            ),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="programme_activity_ends_after_start",
                violation_error_message=_("An activity cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(participants__isnull=True)
                | models.Q(participants__gte=0),
                name="programme_activity_participants_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(women_participants__isnull=True)
                | models.Q(women_participants__gte=0),
                name="programme_activity_women_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(women_participants__isnull=True)
                | models.Q(
                    participants__isnull=False,
                    participants__gte=models.F("women_participants"),
                ),
                name="programme_activity_women_within_participants",
                violation_error_message=_(
                    "Women participants cannot outnumber all participants."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return slug_url("programme:activity_detail", self.slug)


class PhotoQuerySet(models.QuerySet):
    def visible_to(self, user) -> PhotoQuerySet:
        """Archive photos, and photos of activities this user may see."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        # Photos of the few unpublished activities left out (an index range on
        # their status), rather than every photo joined to its activity.
        unpublished = Activity._base_manager.filter(
            status__in=[
                status for status in Status.values if status != Status.PUBLISHED
            ]
        )
        return self.exclude(activity__in=unpublished.values("pk"))

    def with_listing_data(self) -> PhotoQuerySet:
        """What ``programme_tags.photo_figure`` shows: the photo and the title of
        the activity it links to, no other column."""
        languages = [code for code, _name in settings.LANGUAGES]
        return self.select_related("activity").only(
            "image",
            "width",
            "height",
            "taken_on",
            *(
                f"{field}_{code}"
                for field in ("caption", "credit")
                for code in languages
            ),
            "activity__slug",
            *(f"activity__title_{code}" for code in languages),
        )


class Photo(models.Model):
    """A photo of an activity, or of the programme's archive when no activity is set."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="photos",
    )
    # Content checked and re-encoded (portal/uploads); the stored name is generated.
    image = CheckedImageField(
        _("image"),
        upload_to=GeneratedFileName("photos"),
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(
        _("width"), null=True, blank=True, editable=False
    )
    height = models.PositiveIntegerField(
        _("height"), null=True, blank=True, editable=False
    )
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    taken_on = models.DateField(_("taken on"), null=True, blank=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-taken_on", "pk"]
        # The archive's pages, newest first, without sorting every photo.
        indexes = [
            models.Index(fields=["-taken_on", "id"], name="programme_photo_newest")
        ]

    def __str__(self) -> str:
        return self.caption

    def get_absolute_url(self) -> str:
        if self.activity_id:
            return self.activity.get_absolute_url()
        return reverse("programme:photos")
