using Npgsql;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// Fixed queries on a cluster's tables (silos, jobs, work_items) and on pg_stat_activity: how a
/// test sees what the silos did, cheaply enough to poll, without going through the code under test.
/// Each call opens its own connection, so a restarted server costs a failed call, not a broken reader.
/// </summary>
internal sealed class ClusterTables(string connectionString)
{
    public async Task<IReadOnlyList<string>> ActiveSilosAsync()
    {
        try
        {
            return await ReadAsync("SELECT silo_id FROM silos WHERE status = 'active'", [], row => row.GetString(0));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return []; // No silo has applied the migrations yet.
        }
    }

    /// <summary>active, dead or left; null when the silo never joined.</summary>
    public async Task<string?> SiloStatusAsync(string siloId) =>
        (await ReadAsync("SELECT status FROM silos WHERE silo_id = @silo", [("silo", siloId)], row => row.GetString(0))).SingleOrDefault();

    public async Task<JobSnapshot> JobAsync(Guid jobId) =>
        (await ReadAsync(
            """
            SELECT j.status, j.phase, j.owner,
                   count(w.item_index) FILTER (WHERE w.state = 'completed'),
                   count(w.item_index) FILTER (WHERE w.state = 'claimed'),
                   count(w.item_index) FILTER (WHERE w.state = 'pending')
            FROM jobs j LEFT JOIN work_items w ON w.job_id = j.job_id
            WHERE j.job_id = @job
            GROUP BY j.job_id
            """,
            [("job", jobId)],
            row => new JobSnapshot(
                row.GetString(0), row.GetInt32(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5))))
        .Single();

    /// <summary>The items the silo holds claimed right now.</summary>
    public Task<IReadOnlyList<HeldItem>> ItemsHeldByAsync(string siloId) =>
        ReadAsync(
            "SELECT job_id, item_index, attempt FROM work_items WHERE state = 'claimed' AND claimed_by = @silo ORDER BY item_index",
            [("silo", siloId)],
            row => new HeldItem(row.GetGuid(0), row.GetInt64(1), row.GetInt32(2)));

    public async Task<WorkItemRow> WorkItemAsync(Guid jobId, long itemIndex) =>
        (await ReadAsync(
            "SELECT state, attempt, failures, last_error FROM work_items WHERE job_id = @job AND item_index = @item",
            [("job", jobId), ("item", itemIndex)],
            row => new WorkItemRow(row.GetString(0), row.GetInt32(1), row.GetInt32(2), row.IsDBNull(3) ? null : row.GetString(3))))
        .Single();

    /// <summary>
    /// Attempts at the job's items that were written off as failed: reported failures, and claims that
    /// expired or whose silo was declared dead (the next claim counts those).
    /// </summary>
    public async Task<long> FailedAttemptsAsync(Guid jobId) =>
        (await ReadAsync("SELECT coalesce(sum(failures), 0)::bigint FROM work_items WHERE job_id = @job", [("job", jobId)], row => row.GetInt64(0)))
        .Single();

    /// <summary>
    /// Sessions of one silo (by application_name) the server is still executing a statement for. None
    /// once a frozen silo's last request has been fully handled, so its rows no longer change.
    /// </summary>
    public async Task<long> BusySessionsAsync(string applicationName) =>
        (await ReadAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name AND state = 'active'",
            [("name", applicationName)],
            row => row.GetInt64(0)))
        .Single();

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, (string Name, object Value)[] parameters, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
