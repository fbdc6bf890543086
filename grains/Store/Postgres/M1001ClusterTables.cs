using QuantCluster.Data.Postgres.Migrations;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// 1001_cluster: the cluster store's tables (ARCHITECTURE.md, "The store"). Versions from 1001 keep
/// clear of the bar store's, which share the runner and the schema_migrations record.
/// Work-item and job states are text with a CHECK, readable in ad-hoc SQL.
/// </summary>
internal static class M1001ClusterTables
{
    public static Migration Migration { get; } = new(1001, "1001_cluster", """
        CREATE TABLE IF NOT EXISTS silos (
            silo_id        text        PRIMARY KEY,
            host           text        NOT NULL,
            started_at     timestamptz NOT NULL,
            last_heartbeat timestamptz NOT NULL,
            status         text        NOT NULL CHECK (status IN ('active', 'dead', 'left'))
        );

        CREATE TABLE IF NOT EXISTS jobs (
            job_id      uuid        PRIMARY KEY,
            spec        jsonb       NOT NULL,
            status      text        NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
            phase       integer     NOT NULL,
            state       text,
            owner       text,
            lease_until timestamptz,
            version     bigint      NOT NULL,
            created_at  timestamptz NOT NULL,
            updated_at  timestamptz NOT NULL
        );

        CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs (owner) WHERE owner IS NOT NULL;

        -- The queue: every claim, completion and failure updates a row, so dead row versions pile up
        -- fast. The default autovacuum waits for 20% of the table to be dead, by which time claims
        -- scan a bloated table; vacuum after 1% (or 1000 rows), analyse after 2%. fillfactor 80
        -- leaves room on each page for the new row versions.
        CREATE TABLE IF NOT EXISTS work_items (
            job_id      uuid        NOT NULL REFERENCES jobs ON DELETE CASCADE,
            item_index  bigint      NOT NULL,
            phase       integer     NOT NULL,
            payload     text        NOT NULL,
            state       text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'completed', 'poisoned')),
            claimed_by  text,
            lease_until timestamptz,
            attempt     integer     NOT NULL DEFAULT 0,
            failures    integer     NOT NULL DEFAULT 0,
            last_error  text,
            PRIMARY KEY (job_id, item_index)
        ) WITH (
            fillfactor = 80,
            autovacuum_vacuum_scale_factor = 0.01,
            autovacuum_vacuum_threshold = 1000,
            autovacuum_analyze_scale_factor = 0.02
        );

        -- Claims look only at open items; completed ones (nearly all, late in a job) stay out of the index.
        CREATE INDEX IF NOT EXISTS work_items_open ON work_items (job_id, item_index) WHERE state IN ('pending', 'claimed');
        CREATE INDEX IF NOT EXISTS work_items_by_claimant ON work_items (claimed_by) WHERE state = 'claimed';

        -- One row per evaluated parameter set; the key makes a second copy of an item's results impossible.
        CREATE TABLE IF NOT EXISTS results (
            job_id     uuid    NOT NULL,
            item_index bigint  NOT NULL,
            ordinal    integer NOT NULL,
            parameters jsonb   NOT NULL,
            metrics    jsonb   NOT NULL,
            PRIMARY KEY (job_id, item_index, ordinal),
            FOREIGN KEY (job_id, item_index) REFERENCES work_items ON DELETE CASCADE
        );
        """);

    public static IReadOnlyList<Migration> All { get; } = [Migration];
}
