"""Stored figures: the charts of the figures page, counted as activities change.

Aggregating every published activity on each request cost about 100 ms of SQL.
Triggers keep, per published activity, what it adds to the charts
(``portal_figureentry``) and the sums over all of them (``portal_figurecount``),
in the same transaction as the change: an activity saved, published or deleted, a
theme or partner linked, a partner published or moved to another region, a
country moved to another region. Taxonomy rows are referred to by id, so renaming
a slug moves nothing. ``portal_figures_rebuild()`` counts everything again (after a
bulk load with the triggers paused). SQLite has none of this: the page counts live.

The SQL is frozen here, as a migration's should be; the page reads the counts
with ``portal.figure_counts``.
"""

from django.db import migrations

# Parts: "y" a start year (a) and kind, with the participant sums; "r" the host
# country's region (a); "t" a theme (a); "f" a provider region (a) to a
# beneficiary region (b), published partners only. 0 stands for "not specified".
INSTALL = """
CREATE TABLE portal_figureentry (
    activity_id bigint NOT NULL,
    part char(1) NOT NULL,
    a bigint NOT NULL,
    b bigint NOT NULL,
    kind varchar(20) NOT NULL,
    people bigint NOT NULL,
    women bigint NOT NULL,
    reported bigint NOT NULL
);
CREATE INDEX portal_figureentry_activity ON portal_figureentry (activity_id);
CREATE TABLE portal_figurecount (
    part char(1) NOT NULL,
    a bigint NOT NULL,
    b bigint NOT NULL,
    kind varchar(20) NOT NULL,
    exchanges integer NOT NULL,
    people bigint NOT NULL,
    women bigint NOT NULL,
    reported bigint NOT NULL,
    PRIMARY KEY (part, a, b, kind)
);

-- What these activities add to the charts now (nothing unless published).
CREATE FUNCTION portal_figure_entries(p_ids bigint[])
RETURNS TABLE (
    activity_id bigint, part char(1), a bigint, b bigint, kind varchar(20),
    people bigint, women bigint, reported bigint
) LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT * FROM programme_activity
        WHERE id = ANY (p_ids) AND status = 'published'
    )
    SELECT x.id, 'y', extract(year FROM x.start_date)::bigint, 0, x.kind,
        coalesce(x.participants, 0), coalesce(x.women_participants, 0),
        CASE WHEN x.women_participants IS NULL THEN 0
            ELSE coalesce(x.participants, 0) END
    FROM x
    UNION ALL
    SELECT x.id, 'r', coalesce(c.region_id, 0), 0, '', 0, 0, 0
    FROM x LEFT JOIN taxonomy_country AS c ON c.id = x.host_country_id
    UNION ALL
    SELECT x.id, 't', l.theme_id, 0, '', 0, 0, 0
    FROM x JOIN programme_activity_themes AS l ON l.activity_id = x.id
    UNION ALL
    SELECT DISTINCT x.id, 'f', coalesce(p.region_id, 0), coalesce(q.region_id, 0),
        '', 0, 0, 0
    FROM x
        JOIN programme_activity_providers AS lp ON lp.activity_id = x.id
        JOIN partners_partner AS p ON p.id = lp.partner_id AND p.status = 'published'
        JOIN programme_activity_beneficiaries AS lb ON lb.activity_id = x.id
        JOIN partners_partner AS q ON q.id = lb.partner_id AND q.status = 'published'
$$;

-- Replaces these activities' entries and moves the counts by the difference,
-- in key order, so two transactions lock the same count rows in the same order.
CREATE FUNCTION portal_figures_refresh(p_ids bigint[])
RETURNS void LANGUAGE sql AS $$
    WITH gone AS (
        DELETE FROM portal_figureentry WHERE activity_id = ANY (p_ids)
        RETURNING part, a, b, kind, people, women, reported
    ), added AS (
        INSERT INTO portal_figureentry SELECT * FROM portal_figure_entries(p_ids)
        RETURNING part, a, b, kind, people, women, reported
    ), moves AS (
        SELECT part, a, b, kind, -1 AS n, -people AS people, -women AS women,
            -reported AS reported
        FROM gone
        UNION ALL
        SELECT part, a, b, kind, 1, people, women, reported FROM added
    )
    INSERT INTO portal_figurecount AS c
        (part, a, b, kind, exchanges, people, women, reported)
    SELECT part, a, b, kind, sum(n), sum(people), sum(women), sum(reported)
    FROM moves
    GROUP BY part, a, b, kind
    HAVING sum(n) <> 0 OR sum(people) <> 0 OR sum(women) <> 0
        OR sum(reported) <> 0
    ORDER BY part, a, b, kind
    ON CONFLICT (part, a, b, kind) DO UPDATE SET
        exchanges = c.exchanges + EXCLUDED.exchanges,
        people = c.people + EXCLUDED.people,
        women = c.women + EXCLUDED.women,
        reported = c.reported + EXCLUDED.reported
$$;

CREATE FUNCTION portal_figures_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM portal_figureentry;
    DELETE FROM portal_figurecount;
    INSERT INTO portal_figureentry
    SELECT * FROM portal_figure_entries(ARRAY(SELECT id FROM programme_activity));
    INSERT INTO portal_figurecount
        (part, a, b, kind, exchanges, people, women, reported)
    SELECT part, a, b, kind, count(*), sum(people), sum(women), sum(reported)
    FROM portal_figureentry
    GROUP BY part, a, b, kind;
$$;

CREATE FUNCTION portal_figures_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM portal_figures_refresh(ARRAY[
        CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END
    ]);
    RETURN NULL;
END
$$;
CREATE TRIGGER portal_figures_activity AFTER INSERT OR DELETE ON programme_activity
    FOR EACH ROW EXECUTE FUNCTION portal_figures_activity();
CREATE TRIGGER portal_figures_activity_update AFTER UPDATE ON programme_activity
    FOR EACH ROW WHEN (
        ROW(OLD.status, OLD.kind, OLD.start_date, OLD.host_country_id,
            OLD.participants, OLD.women_participants)
        IS DISTINCT FROM
        ROW(NEW.status, NEW.kind, NEW.start_date, NEW.host_country_id,
            NEW.participants, NEW.women_participants)
    )
    EXECUTE FUNCTION portal_figures_activity();

-- Links: per statement, since ``.set()`` links many rows in one INSERT.
CREATE FUNCTION portal_figures_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM portal_figures_refresh(
        ARRAY(SELECT DISTINCT activity_id FROM changed ORDER BY 1)
    );
    RETURN NULL;
END
$$;
CREATE TRIGGER portal_figures_themes_insert AFTER INSERT
    ON programme_activity_themes REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_link();
CREATE TRIGGER portal_figures_themes_delete AFTER DELETE
    ON programme_activity_themes REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_link();
CREATE TRIGGER portal_figures_providers_insert AFTER INSERT
    ON programme_activity_providers REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_link();
CREATE TRIGGER portal_figures_providers_delete AFTER DELETE
    ON programme_activity_providers REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_link();
CREATE TRIGGER portal_figures_beneficiaries_insert AFTER INSERT
    ON programme_activity_beneficiaries REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_link();
CREATE TRIGGER portal_figures_beneficiaries_delete AFTER DELETE
    ON programme_activity_beneficiaries REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_link();

-- A partner published, unpublished or moved: the flows of its activities.
CREATE FUNCTION portal_figures_partner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT ARRAY(
        SELECT l.activity_id FROM programme_activity_providers AS l
        WHERE l.partner_id = ANY (moved.ids)
        UNION
        SELECT l.activity_id FROM programme_activity_beneficiaries AS l
        WHERE l.partner_id = ANY (moved.ids)
        ORDER BY 1
    ) INTO ids
    FROM (
        SELECT ARRAY(
            SELECT n.id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
            WHERE ROW(n.status, n.region_id) IS DISTINCT FROM ROW(o.status, o.region_id)
        ) AS ids
    ) AS moved;
    IF cardinality(ids) > 0 THEN
        PERFORM portal_figures_refresh(ids);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER portal_figures_partner AFTER UPDATE ON partners_partner
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_partner();

-- A country moved to another region: the exchanges it hosts.
CREATE FUNCTION portal_figures_country() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM portal_figures_refresh(ARRAY(
        SELECT id FROM programme_activity WHERE host_country_id = NEW.id ORDER BY id
    ));
    RETURN NULL;
END
$$;
CREATE TRIGGER portal_figures_country AFTER UPDATE ON taxonomy_country
    FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id)
    EXECUTE FUNCTION portal_figures_country();

-- TRUNCATE fires no row trigger (the test runner's flush uses it): count again.
CREATE FUNCTION portal_figures_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM portal_figures_rebuild();
    RETURN NULL;
END
$$;
CREATE TRIGGER portal_figures_truncated AFTER TRUNCATE ON programme_activity
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_truncated();
CREATE TRIGGER portal_figures_truncated AFTER TRUNCATE ON programme_activity_themes
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_truncated();
CREATE TRIGGER portal_figures_truncated AFTER TRUNCATE ON programme_activity_providers
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_truncated();
CREATE TRIGGER portal_figures_truncated
    AFTER TRUNCATE ON programme_activity_beneficiaries
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_truncated();
CREATE TRIGGER portal_figures_truncated AFTER TRUNCATE ON partners_partner
    FOR EACH STATEMENT EXECUTE FUNCTION portal_figures_truncated();

SELECT portal_figures_rebuild();
"""

UNINSTALL = """
DROP TRIGGER IF EXISTS portal_figures_activity ON programme_activity;
DROP TRIGGER IF EXISTS portal_figures_activity_update ON programme_activity;
DROP TRIGGER IF EXISTS portal_figures_themes_insert ON programme_activity_themes;
DROP TRIGGER IF EXISTS portal_figures_themes_delete ON programme_activity_themes;
DROP TRIGGER IF EXISTS portal_figures_providers_insert
    ON programme_activity_providers;
DROP TRIGGER IF EXISTS portal_figures_providers_delete
    ON programme_activity_providers;
DROP TRIGGER IF EXISTS portal_figures_beneficiaries_insert
    ON programme_activity_beneficiaries;
DROP TRIGGER IF EXISTS portal_figures_beneficiaries_delete
    ON programme_activity_beneficiaries;
DROP TRIGGER IF EXISTS portal_figures_partner ON partners_partner;
DROP TRIGGER IF EXISTS portal_figures_country ON taxonomy_country;
DROP TRIGGER IF EXISTS portal_figures_truncated ON programme_activity;
DROP TRIGGER IF EXISTS portal_figures_truncated ON programme_activity_themes;
DROP TRIGGER IF EXISTS portal_figures_truncated ON programme_activity_providers;
DROP TRIGGER IF EXISTS portal_figures_truncated ON programme_activity_beneficiaries;
DROP TRIGGER IF EXISTS portal_figures_truncated ON partners_partner;
DROP FUNCTION IF EXISTS portal_figures_truncated();
DROP FUNCTION IF EXISTS portal_figures_country();
DROP FUNCTION IF EXISTS portal_figures_partner();
DROP FUNCTION IF EXISTS portal_figures_link();
DROP FUNCTION IF EXISTS portal_figures_activity();
DROP FUNCTION IF EXISTS portal_figures_rebuild();
DROP FUNCTION IF EXISTS portal_figures_refresh(bigint[]);
DROP FUNCTION IF EXISTS portal_figure_entries(bigint[]);
DROP TABLE IF EXISTS portal_figurecount;
DROP TABLE IF EXISTS portal_figureentry;
"""

# The activities feed, newest first (as resources_latest_published for resources):
# without it the feed sorted every published activity.
FEED_INDEX = """
CREATE INDEX IF NOT EXISTS programme_activity_latest_published
ON programme_activity (published_at DESC, id DESC) WHERE status = 'published'
"""
DROP_FEED_INDEX = "DROP INDEX IF EXISTS programme_activity_latest_published"


def on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_review_comment"),
        ("partners", "0001_initial"),
        ("programme", "0001_initial"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(INSTALL), on_postgresql(UNINSTALL)),
        migrations.RunPython(on_postgresql(FEED_INDEX), on_postgresql(DROP_FEED_INDEX)),
    ]
