from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

MISSION_MEMBERS_GROUP = "Mission members"
EDITORS_GROUP = "Editors"
PUBLISHERS_GROUP = "Publishers"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(
        self, email: str, password: str | None = None, **extra_fields
    ) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields
    ) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address: staff or a member of a mission."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country (mission)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can sign in to the administration site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("admin:accounts_user_change", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def is_mission_member(self) -> bool:
        """Members of a mission see restricted resources and focal-point contacts."""
        if not self.is_active:
            return False
        return self.groups.filter(name=MISSION_MEMBERS_GROUP).exists()

    @property
    def can_see_restricted(self) -> bool:
        """Mission-level content (focal points, ``missions`` resources)."""
        return self.is_active and (self.is_staff or self.is_mission_member)


def can_see_restricted(user) -> bool:
    """True for signed-in staff and mission members; False for anonymous visitors."""
    return bool(user.is_authenticated and user.can_see_restricted)


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> InvitationQuerySet:
        """Not yet accepted (whether or not the link has expired)."""
        return self.filter(accepted_at__isnull=True)

    def accepted(self) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=False)

    def expired(self) -> InvitationQuerySet:
        """Pending, and the latest mail's link is past INVITATION_MAX_AGE."""
        limit = timezone.now() - settings.INVITATION_MAX_AGE
        return self.pending().filter(sent_at__lt=limit)

    def for_email(self, email: str) -> InvitationQuerySet:
        return self.filter(email__iexact=email.strip())


class Invitation(models.Model):
    """Staff invite a member of a mission; the mailed link lets them set a password.

    ``generation`` is signed into the link: a resend bumps it, so only the latest
    mail's link works. The link works once (``accepted_at``) and for
    INVITATION_MAX_AGE after it was mailed.
    """

    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country (mission)"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The invitation mail and the member's account use this language."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    generation = models.PositiveIntegerField(_("times sent"), default=1)
    mailed_generation = models.PositiveIntegerField(default=0, editable=False)
    sent_at = models.DateTimeField(_("last sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open invitation per address: a second one is a resend.
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True),
                name="accounts_invitation_one_pending_per_email",
                violation_error_message=_(
                    "This address has an open invitation already."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def get_absolute_url(self) -> str:
        return reverse("admin:accounts_invitation_change", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        self.email = User.objects.normalize_email(self.email).strip().lower()

    @property
    def expires_at(self):
        return self.sent_at + settings.INVITATION_MAX_AGE

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_expired(self) -> bool:
        return not self.is_accepted and timezone.now() > self.expires_at
