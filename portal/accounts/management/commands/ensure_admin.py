"""Create an administrator when there is none, and print its password once."""

import secrets

from django.core.management.base import BaseCommand

from portal.accounts.models import User


class Command(BaseCommand):
    help = (
        "Create a superuser if none exists; print its e-mail and a generated password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, email: str, **options):
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator exists already: nothing to do.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            email=email, password=password, full_name="Administrator"
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Created the administrator (shown once, keep it):\n"
                f"  e-mail:   {email}\n  password: {password}"
            )
        )
