from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from . import services
from .forms import InvitationForm
from .models import Invitation, User

PROFILE_FIELDS = ("full_name", "preferred_language", "country", "organisation")


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", *PROFILE_FIELDS, "groups")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = (
            "email",
            "password",
            *PROFILE_FIELDS,
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "user_permissions",
        )
        field_classes: dict = {}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """People who sign in with an e-mail address: staff and mission members."""

    form = UserEditForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": PROFILE_FIELDS}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    *PROFILE_FIELDS,
                    "groups",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = (
        "email",
        "full_name",
        "country",
        "organisation",
        "preferred_language",
        "is_staff",
        "is_active",
        "last_login",
    )
    list_filter = (
        "is_staff",
        "is_superuser",
        "is_active",
        "groups",
        "preferred_language",
        ("country__region", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("country",)
    search_fields = (
        "email",
        "full_name",
        "organisation",
        "country__name_ru",
        "country__name_en",
    )
    ordering = ("email",)
    autocomplete_fields = ("country", "groups")
    filter_horizontal = ("user_permissions",)


STATUS_LABELS = {
    "pending": pgettext_lazy("invitation status", "Pending"),
    "expired": pgettext_lazy("invitation status", "Expired"),
    "accepted": pgettext_lazy("invitation status", "Accepted"),
}


class InvitationStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return list(STATUS_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in STATUS_LABELS:
            return getattr(queryset, self.value())()
        return queryset


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invite a mission member; the mail goes out in their language once saved.

    An invitation is not edited after it is sent: to correct one, delete it and
    invite again (the old link then stops working).
    """

    form = InvitationForm
    fields = ("email", "full_name", "country", "organisation", "language")
    list_display = (
        "email",
        "country",
        "language",
        "status",
        "invited_by",
        "sent_at",
        "mail_sent",
        "generation",
        "accepted_at",
    )
    list_filter = (InvitationStatusFilter, "language")
    list_select_related = ("country", "invited_by")
    search_fields = ("email", "full_name", "organisation")
    autocomplete_fields = ("country",)
    ordering = ("-created_at",)
    actions = ("resend",)

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return (
            *self.fields,
            "invited_by",
            "created_at",
            "sent_at",
            "generation",
            "mail_sent",
            "accepted_at",
            "user",
        )

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.get_fields(request, obj)

    @admin.display(description=_("status"))
    def status(self, obj: Invitation) -> str:
        if obj.is_accepted:
            return STATUS_LABELS["accepted"]
        if obj.is_expired:
            return STATUS_LABELS["expired"]
        return STATUS_LABELS["pending"]

    # The mail is queued on commit; if the broker was down it never left, and
    # staff see it here and use "Resend" (nothing re-queues invitations by itself).
    @admin.display(description=_("mail sent"), boolean=True)
    def mail_sent(self, obj: Invitation) -> bool:
        return obj.mailed_generation >= obj.generation

    def save_model(self, request, obj, form, change):
        if change:  # every field is read-only once sent; nothing to save
            return
        services.invitation_create(invitation=obj, by=request.user)

    @admin.action(description=_("Resend the invitation"), permissions=["add"])
    def resend(self, request, queryset):
        sent = sum(
            services.invitation_resend(invitation=invitation, by=request.user)
            for invitation in queryset
        )
        skipped = queryset.count() - sent
        if sent:
            self.message_user(
                request,
                ngettext(
                    "%(count)d invitation sent again with a new link.",
                    "%(count)d invitations sent again with a new link.",
                    sent,
                )
                % {"count": sent},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d invitation was already accepted and was not sent.",
                    "%(count)d invitations were already accepted and were not sent.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
