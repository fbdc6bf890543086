namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// Every statement the cluster store runs. Each is one short statement (its own transaction) except
/// completion, whose transaction holds one item's row lock for the result upload. Times are
/// parameters from the store's clock, never the server's now().
/// </summary>
internal static class ClusterSql
{
    /// <summary>The LISTEN/NOTIFY channel of progress events; a payload is one job id.</summary>
    public const string ProgressChannel = "quant_job_progress";

    public const string RegisterSilo = """
        INSERT INTO silos (silo_id, host, started_at, last_heartbeat, status) VALUES (@silo, @host, @started, @now, 'active')
        ON CONFLICT (silo_id) DO UPDATE
            SET host = excluded.host, started_at = excluded.started_at, last_heartbeat = excluded.last_heartbeat, status = 'active'
        """;

    public const string Heartbeat = "UPDATE silos SET last_heartbeat = @now WHERE silo_id = @silo AND status = 'active'";

    public const string ActiveSilos = """
        SELECT silo_id, host, started_at, last_heartbeat FROM silos WHERE status = 'active' ORDER BY silo_id COLLATE "C"
        """;

    /// <summary>
    /// One statement, so membership and the leases it frees change together: the silos past the
    /// cutoff become dead, their jobs lose their owner and their items' leases expire now (the next
    /// claim takes them over under a new attempt, which fences out the dead silo's completions).
    /// </summary>
    public const string DeclareDead = """
        WITH dead AS (
            UPDATE silos SET status = 'dead' WHERE status = 'active' AND last_heartbeat < @cutoff RETURNING silo_id
        ), freed_jobs AS (
            UPDATE jobs SET owner = NULL, lease_until = NULL WHERE owner IN (SELECT silo_id FROM dead)
        ), expired_items AS (
            UPDATE work_items SET lease_until = @now WHERE state = 'claimed' AND claimed_by IN (SELECT silo_id FROM dead)
        )
        SELECT silo_id FROM dead ORDER BY silo_id COLLATE "C"
        """;

    public const string Leave = """
        WITH gone AS (
            UPDATE silos SET status = 'left' WHERE silo_id = @silo
        ), freed_jobs AS (
            UPDATE jobs SET owner = NULL, lease_until = NULL WHERE owner = @silo
        )
        UPDATE work_items SET state = 'pending', claimed_by = NULL, lease_until = NULL WHERE state = 'claimed' AND claimed_by = @silo
        """;

    public const string JobColumns = "job_id, spec::text, status, phase, state, owner, lease_until, version, created_at, updated_at";

    public const string CreateJob = $"""
        INSERT INTO jobs (job_id, spec, status, phase, version, created_at, updated_at)
        VALUES (@job, @spec, 'pending', 0, 1, @now, @now)
        RETURNING {JobColumns}
        """;

    public const string GetJob = $"SELECT {JobColumns} FROM jobs WHERE job_id = @job";

    public const string ListJobs = $"SELECT {JobColumns} FROM jobs ORDER BY created_at, job_id";

    public const string AcquireJobLease = """
        UPDATE jobs SET owner = @silo, lease_until = @until
        WHERE job_id = @job AND status IN ('pending', 'running') AND (owner IS NULL OR owner = @silo OR lease_until <= @now)
        """;

    public const string RenewJobLease = "UPDATE jobs SET lease_until = @until WHERE job_id = @job AND owner = @silo";

    public const string ReleaseJobLease = "UPDATE jobs SET owner = NULL, lease_until = NULL WHERE job_id = @job AND owner = @silo";

    public const string UpdateJob = $"""
        UPDATE jobs SET status = @status, phase = @phase, state = @state, version = version + 1, updated_at = @now
        WHERE job_id = @job AND version = @expected
        RETURNING {JobColumns}
        """;

    public const string JobVersion = "SELECT version FROM jobs WHERE job_id = @job";

    public const string CancelJob = """
        UPDATE jobs SET status = 'cancelled', version = version + 1, updated_at = @now
        WHERE job_id = @job AND status IN ('pending', 'running')
        """;

    /// <summary>A phase's items in one statement from three parallel arrays; existing indexes are kept as they are.</summary>
    public const string AddWorkItems = """
        INSERT INTO work_items (job_id, item_index, phase, payload)
        SELECT @job, item_index, phase, payload FROM unnest(@indexes, @phases, @payloads) AS i (item_index, phase, payload)
        ON CONFLICT (job_id, item_index) DO NOTHING
        """;

    /// <summary>
    /// Claims in one statement: SKIP LOCKED passes over rows another claimer is taking, so claimers
    /// never wait for each other or get the same item, and the row re-check under the lock drops an
    /// item that was claimed since the snapshot. Queue order is job id (time-ordered UUIDv7, so the
    /// oldest job first) then item index: the open-items index yields it already sorted, so a claim
    /// stops after @max rows instead of sorting the whole queue. An expired lease counts as a failed
    /// attempt (its silo died or hung, perhaps because of the item), so an item that keeps killing
    /// silos is poisoned here instead of being claimed again; only claimed rows are returned.
    /// </summary>
    public const string ClaimWorkItems = """
        WITH next AS (
            SELECT w.job_id, w.item_index, (w.state = 'claimed') AS expired,
                   (w.state = 'claimed' AND w.failures + 1 >= @limit) AS poison
            FROM work_items w JOIN jobs j ON j.job_id = w.job_id
            WHERE j.status IN ('pending', 'running')
              AND (w.state = 'pending' OR (w.state = 'claimed' AND w.lease_until <= @now))
            ORDER BY w.job_id, w.item_index
            LIMIT @max
            FOR UPDATE OF w SKIP LOCKED
        ), claimed AS (
            UPDATE work_items w
            SET state = CASE WHEN next.poison THEN 'poisoned' ELSE 'claimed' END,
                claimed_by = CASE WHEN next.poison THEN NULL ELSE @silo END,
                lease_until = CASE WHEN next.poison THEN NULL ELSE @until END,
                failures = w.failures + next.expired::int,
                last_error = CASE WHEN next.expired
                    THEN 'the lease of attempt ' || w.attempt || ' by ' || w.claimed_by || ' expired' ELSE w.last_error END,
                attempt = w.attempt + 1
            FROM next
            WHERE w.job_id = next.job_id AND w.item_index = next.item_index
            RETURNING w.job_id, w.item_index, w.phase, w.payload, w.attempt, w.lease_until, w.state
        )
        SELECT job_id, item_index, phase, payload, attempt, lease_until FROM claimed
        WHERE state = 'claimed'
        ORDER BY job_id, item_index
        """;

    /// <summary>The fence: only the claim whose attempt still holds the item completes it.</summary>
    public const string CompleteWorkItem = """
        UPDATE work_items SET state = 'completed', claimed_by = NULL, lease_until = NULL
        WHERE job_id = @job AND item_index = @item AND state = 'claimed' AND attempt = @attempt
        """;

    public const string CompletedByAttempt = """
        SELECT EXISTS (SELECT 1 FROM work_items WHERE job_id = @job AND item_index = @item AND state = 'completed' AND attempt = @attempt)
        """;

    public const string CopyResults = "COPY results (job_id, item_index, ordinal, parameters, metrics) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Announces the job only when its last open item completes (a phase's end): a NOTIFY holds a
    /// global lock from commit until the commit is written, so one per item would line every
    /// completion up behind the others. Two last items completing at once may both see the other
    /// still open and announce nothing; listeners poll as well.
    /// </summary>
    public const string NotifyProgress = $"""
        SELECT pg_notify('{ProgressChannel}', @job)
        WHERE NOT EXISTS (SELECT 1 FROM work_items WHERE job_id = @job::uuid AND state IN ('pending', 'claimed'))
        """;

    public const string Listen = $"LISTEN {ProgressChannel}";

    /// <summary>In SET every column means its value before the update, so failures + 1 is the new count.</summary>
    public const string FailWorkItem = """
        UPDATE work_items
        SET failures = failures + 1, last_error = @error, claimed_by = NULL, lease_until = NULL,
            state = CASE WHEN failures + 1 >= @limit THEN 'poisoned' ELSE 'pending' END
        WHERE job_id = @job AND item_index = @item AND state = 'claimed' AND attempt = @attempt
        RETURNING state
        """;

    public const string ReleaseWorkItems = """
        UPDATE work_items SET state = 'pending', claimed_by = NULL, lease_until = NULL WHERE state = 'claimed' AND claimed_by = @silo
        """;

    public const string CountWorkItems = "SELECT state, count(*) FROM work_items WHERE job_id = @job GROUP BY state";

    public const string PoisonedWorkItems = """
        SELECT item_index, failures, coalesce(last_error, '') FROM work_items WHERE job_id = @job AND state = 'poisoned' ORDER BY item_index
        """;

    public const string ReadResults = """
        SELECT item_index, parameters::text, metrics::text FROM results
        WHERE job_id = @job AND item_index >= @from AND item_index < @to
        ORDER BY item_index, ordinal
        """;
}
