"""The staff groups and what each may do.

Editors write and correct content; Publishers also publish, archive, delete and
moderate proposals; Mission members have no admin rights (what they see on the site
is decided by the querysets).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = {
    "partners": ["partner", "contact"],
    "programme": ["project", "activity", "photo"],
    "resources": ["resource"],
    "pages": ["page"],
}
TAXONOMY = {"taxonomy": ["region", "country", "theme"]}


def _perms(apps, mapping, actions):
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}"
        for models in mapping.values()
        for model in models
        for action in actions
    ]
    return list(
        Permission.objects.filter(
            content_type__app_label__in=list(mapping), codename__in=codenames
        )
    )


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; we need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(
        _perms(apps, CONTENT, ["add", "change", "view"])
        + _perms(apps, TAXONOMY, ["view"])
    )

    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publish = Permission.objects.filter(codename__startswith="publish_")
    moderation = Permission.objects.filter(
        content_type__app_label="proposals",
        codename__in=[
            "view_proposal",
            "change_proposal",
            "moderate_proposal",
            "view_proposalattachment",
        ],
    )
    notifications = Permission.objects.filter(
        content_type__app_label="notifications",
        codename__in=[
            "view_subscription",
            "view_event",
            "view_delivery",
            "change_delivery",
        ],
    )
    publishers.permissions.set(
        _perms(apps, CONTENT, ["add", "change", "delete", "view"])
        + _perms(apps, TAXONOMY, ["add", "change", "view"])
        + list(publish)
        + list(moderation)
        + list(notifications)
    )

    Group.objects.get_or_create(name="Mission members")


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Editors", "Publishers", "Mission members"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("accounts", "0001_initial"),
        ("taxonomy", "0001_initial"),
        ("pages", "0001_initial"),
        ("partners", "0001_initial"),
        ("programme", "0001_initial"),
        ("resources", "0001_initial"),
        ("notifications", "0001_initial"),
        ("proposals", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
