from django.core.management.base import BaseCommand

from portal.taxonomy.services import reference_data_load


class Command(BaseCommand):
    help = "Load regions, the 193 UN member states and the themes; safe to run again."

    def handle(self, *args, **options):
        for model, counts in reference_data_load().items():
            self.stdout.write(
                f"{model}: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged"
            )
