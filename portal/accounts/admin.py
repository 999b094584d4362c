from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .models import User

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
