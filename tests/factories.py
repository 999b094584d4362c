"""factory_boy factories: small, focused data for tests (the demo content is for people)."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from partners.models import Contact, Partner, PartnerKind
from portal.accounts.models import (
    EDITORS_GROUP,
    MISSION_MEMBERS_GROUP,
    PUBLISHERS_GROUP,
    User,
)
from portal.notifications.models import Subscription
from portal.pages.models import Page
from portal.publishing import Status
from portal.taxonomy.models import Country, Region, Theme
from programme.models import Activity, ActivityKind, Photo, Project
from resources.models import Access, Resource, ResourceKind


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"region-{n}")
    name_ru = factory.Sequence(lambda n: f"Регион {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    # "X" and two letters: codes a test writes by hand start with another letter.
    iso3 = factory.Sequence(lambda n: "X" + chr(65 + n // 26 % 26) + chr(65 + n % 26))
    iso2 = factory.Sequence(lambda n: chr(65 + n // 26 % 26) + chr(65 + n % 26))
    name_ru = factory.Sequence(lambda n: f"Страна {n}")
    name_en = factory.Sequence(lambda n: f"Country {n}")
    region = factory.SubFactory(RegionFactory)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_ru = factory.Sequence(lambda n: f"Тема {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MissionMemberFactory(UserFactory):
    country = factory.SubFactory(CountryFactory)

    @factory.post_generation
    def join_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get_or_create(name=MISSION_MEMBERS_GROUP)[0])


class EditorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def join_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])


class PublisherFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def join_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get_or_create(name=PUBLISHERS_GROUP)[0])


class PublishableFactory(factory.django.DjangoModelFactory):
    """Published by default: tests about drafts say so."""

    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class PageFactory(PublishableFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    title_ru = factory.Sequence(lambda n: f"Страница {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    body_ru = "<p>Текст страницы.</p>"
    body_en = "<p>Page text.</p>"


class PartnerFactory(PublishableFactory):
    class Meta:
        model = Partner

    kind = PartnerKind.MEMBER_STATE
    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_ru = factory.Sequence(lambda n: f"Партнёр {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    summary_ru = "Краткое описание партнёра."
    summary_en = "A short description of the partner."
    country = factory.SubFactory(CountryFactory)
    region = factory.SelfAttribute("country.region")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Focal Point {n}")
    position_ru = "Координатор"
    position_en = "Coordinator"
    email = factory.Sequence(lambda n: f"focal{n}@example.org")


class ProjectFactory(PublishableFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    title_ru = factory.Sequence(lambda n: f"Проект {n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    summary_ru = "Краткое описание проекта."
    summary_en = "A short description of the project."
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2026, 12, 31)


class ActivityFactory(PublishableFactory):
    class Meta:
        model = Activity

    kind = ActivityKind.WORKSHOP
    slug = factory.Sequence(lambda n: f"activity-{n}")
    title_ru = factory.Sequence(lambda n: f"Семинар {n}")
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    summary_ru = "Краткое описание мероприятия."
    summary_en = "A short description of the activity."
    start_date = datetime.date(2025, 3, 10)
    end_date = datetime.date(2025, 3, 12)
    participants = 20
    women_participants = 8


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    activity = factory.SubFactory(ActivityFactory)
    image = factory.django.ImageField(width=64, height=48, color="blue")
    caption_ru = "Участники семинара"
    caption_en = "Workshop participants"
    credit_ru = "КТЦ ООН"
    credit_en = "UNCCT"


class ResourceFactory(PublishableFactory):
    class Meta:
        model = Resource

    kind = ResourceKind.PUBLICATION
    access = Access.PUBLIC
    slug = factory.Sequence(lambda n: f"resource-{n}")
    title_ru = factory.Sequence(lambda n: f"Публикация {n}")
    title_en = factory.Sequence(lambda n: f"Publication {n}")
    summary_ru = "Краткое описание ресурса."
    summary_en = "A short description of the resource."
    body_ru = "<p>Полный текст ресурса.</p>"
    body_en = "<p>The full text of the resource.</p>"
    published_on = datetime.date(2025, 5, 1)


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "ru"
    confirmed_at = factory.LazyFunction(timezone.now)


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation, as if its mail had just been sent."""

    class Meta:
        model = "accounts.Invitation"

    email = factory.Sequence(lambda n: f"invitee{n}@mission.example")
    full_name = factory.Sequence(lambda n: f"Invitee {n}")
    country = factory.SubFactory(CountryFactory)
    language = "en"


class ProposalFactory(factory.django.DjangoModelFactory):
    """A submitted proposal of a mission member (added by the proposals work)."""

    class Meta:
        model = "proposals.Proposal"
        skip_postgeneration_save = True

    kind = "good_practice"
    title = factory.Sequence(lambda n: f"Proposal {n}")
    description = "What we did and how others could use it."
    language = "en"
    submitted_by = factory.SubFactory(MissionMemberFactory)
    country = factory.SelfAttribute("submitted_by.country")
