"""The stored counts' index goes on from the list and audience to the facet.

With ``given`` as a column the planner dropped ``given = ''`` (the index's
condition implies it) and then could not use the facet's column that follows:
the ledger read every stored count of the list to keep its plain facets.
"""

from django.db import migrations, models
from django.db.models import F, Func, Q, Value

from portal.migration_operations import AddIndexOnPostgreSQL, RemoveIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_facetcount_ranked")]

    operations = [
        RemoveIndexOnPostgreSQL(
            model_name="facetcount", name="portal_facetcount_ranked"
        ),
        AddIndexOnPostgreSQL(
            model_name="facetcount",
            index=models.Index(
                F("listing"),
                F("audience"),
                Func(F("key"), Value(":"), Value(1), function="split_part"),
                F("count").desc(),
                F("key"),
                condition=Q(given=""),
                name="portal_facetcount_ranked",
            ),
        ),
    ]
