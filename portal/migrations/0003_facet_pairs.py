"""Facet counts among the rows that have one option (pairs of options).

The triggers are reinstalled from the current code and every list recounted;
going back restores the functions of 0002 as they were, frozen here.
"""

from django.db import migrations, models

from portal import facet_counts

# Frozen: a later change of the threshold makes its own index.
WIDE_ROW_KEYS = 40

# portal_facet_bump and portal_facet_set as 0002 installed them; the latter
# takes (and ignores) the argument the triggers installed since pass.
PREVIOUS_FUNCTIONS = """
DROP FUNCTION IF EXISTS portal_facet_entries(text[], text[], text[], integer);
CREATE OR REPLACE FUNCTION portal_facet_bump(
    p_listing text, p_audiences text[], p_keys text[], p_delta integer
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO portal_facetcount (listing, audience, key, count)
    SELECT p_listing, a, k, p_delta
    FROM unnest(p_audiences) AS a CROSS JOIN unnest(p_keys) AS k
    WHERE k IS NOT NULL
    ORDER BY a, k
    ON CONFLICT (listing, audience, key)
    DO UPDATE SET count = portal_facetcount.count + EXCLUDED.count
$$;
CREATE OR REPLACE FUNCTION portal_facet_set(
    p_listing text, p_id bigint, p_public boolean, p_keys text[], p_paired text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    stored portal_facetrow;
BEGIN
    SELECT * INTO stored FROM portal_facetrow
    WHERE listing = p_listing AND object_id = p_id FOR UPDATE;
    IF FOUND THEN
        IF stored.public = p_public AND stored.keys = p_keys THEN
            RETURN;
        END IF;
        PERFORM portal_facet_bump(
            p_listing, portal_facet_audiences(stored.public), stored.keys, -1
        );
    END IF;
    IF p_keys IS NULL THEN
        DELETE FROM portal_facetrow WHERE listing = p_listing AND object_id = p_id;
        RETURN;
    END IF;
    PERFORM portal_facet_bump(p_listing, portal_facet_audiences(p_public), p_keys, 1);
    INSERT INTO portal_facetrow (listing, object_id, public, keys)
    VALUES (p_listing, p_id, p_public, p_keys)
    ON CONFLICT (listing, object_id)
    DO UPDATE SET public = EXCLUDED.public, keys = EXCLUDED.keys;
END
$$;
"""


def install_pairs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The few rows too wide to store pairs, found without reading the others.
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS portal_facetrow_wide ON portal_facetrow"
        f" USING gin (keys) WHERE cardinality(keys) > {WIDE_ROW_KEYS}"
    )
    for listing in facet_counts.LISTINGS.values():
        schema_editor.execute(facet_counts.install_sql(listing))
        schema_editor.execute(facet_counts.rebuild_sql(listing))


def restore_singles(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DELETE FROM portal_facetcount WHERE given <> ''")
    schema_editor.execute("DROP INDEX IF EXISTS portal_facetrow_wide")


def restore_previous_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS_FUNCTIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_facet_counts"),
        ("partners", "0003_facet_counts"),
        ("programme", "0002_listing_indexes_and_facet_counts"),
        ("resources", "0003_facet_counts"),
    ]

    operations = [
        # Backwards, last: the old functions once the old constraint is back.
        migrations.RunPython(migrations.RunPython.noop, restore_previous_functions),
        migrations.RemoveConstraint(
            model_name="facetcount", name="portal_facetcount_once"
        ),
        migrations.AddField(
            model_name="facetcount",
            name="given",
            field=models.CharField(
                blank=True, default="", max_length=250, verbose_name="among rows with"
            ),
            preserve_default=False,
        ),
        migrations.AlterModelOptions(
            name="facetcount",
            options={
                "ordering": ["listing", "audience", "given", "key"],
                "verbose_name": "facet count",
                "verbose_name_plural": "facet counts",
            },
        ),
        migrations.AddConstraint(
            model_name="facetcount",
            constraint=models.UniqueConstraint(
                fields=("listing", "audience", "given", "key"),
                name="portal_facetcount_once",
            ),
        ),
        migrations.RunPython(install_pairs, restore_singles),
    ]
