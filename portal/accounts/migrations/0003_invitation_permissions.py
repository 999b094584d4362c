"""Publishers invite mission members (add, see and withdraw invitations).

Only Publishers: an invitation opens the content meant for missions, a decision
of the same weight as publishing. Editors get nothing here; superusers have all.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_invitation", "view_invitation", "delete_invitation"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; we need them now.
    app_config = apps.get_app_config("accounts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    # add(), not set(): the group keeps what other migrations gave it.
    publishers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="accounts", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publishers = Group.objects.filter(name="Publishers").first()
    if publishers is not None:
        publishers.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="accounts", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_invitation"),
        ("portal", "0001_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
