from django.db import migrations, models
from django.db.models import F, Func, Q, Value

from portal.migration_operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_facet_bitmaps")]

    operations = [
        # split_part is PostgreSQL's; SQLite's demo has no stored counts to read.
        AddIndexOnPostgreSQL(
            model_name="facetcount",
            index=models.Index(
                F("listing"),
                F("audience"),
                F("given"),
                Func(F("key"), Value(":"), Value(1), function="split_part"),
                F("count").desc(),
                F("key"),
                condition=Q(given=""),
                name="portal_facetcount_ranked",
            ),
        ),
    ]
