import time

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.demo.content.users import USERS
from portal.demo.services import demo_content_load


class Command(BaseCommand):
    help = (
        "Load the demo content (partners, activities, resources, photos, pages) and "
        "the demo accounts; safe to run again, it only adds what is missing."
    )

    def handle(self, *args, **options):
        password = settings.DEMO_PASSWORD
        started = time.monotonic()
        counts = demo_content_load(password=password)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(
            f"Demo content ready in {time.monotonic() - started:.1f} s. "
            f"Demo accounts (password {password!r}, from DEMO_PASSWORD when set; "
            "accounts that already existed keep their password):"
        )
        for user in USERS:
            self.stdout.write(f"  {user['email']} ({user['group']})")
