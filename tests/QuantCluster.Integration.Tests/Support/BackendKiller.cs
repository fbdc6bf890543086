using Npgsql;

namespace QuantCluster.Integration.Tests.Support;

/// <summary>
/// Plays a database lost mid-operation: terminates the server process serving another session,
/// found by the statement it is running, as an administrator's pg_terminate_backend or a crash would.
/// </summary>
internal static class BackendKiller
{
    private const string Others = "datname = current_database() AND pid <> pg_backend_pid() AND query LIKE @statement";

    /// <summary>Terminates the sessions running a statement that matches the LIKE pattern; returns how many.</summary>
    public static int Kill(TestDatabase db, string statement)
    {
        using var connection = new NpgsqlConnection(db.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE {Others}", connection);
        command.Parameters.AddWithValue("statement", statement);
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>Waits until a session running a statement that matches the pattern is waiting for a lock.</summary>
    public static async Task WaitUntilBlockedAsync(TestDatabase db, string statement)
    {
        await using var connection = await db.ConnectAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*)::int FROM pg_stat_activity WHERE {Others} AND wait_event_type = 'Lock'", connection);
        command.Parameters.AddWithValue("statement", statement);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(20))
        {
            if ((int)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no session ran '{statement}' blocked on a lock within 30 seconds");
    }
}
