using System.Diagnostics;
using Npgsql;

namespace QuantCluster.Benchmarks;

/// <summary>Waits for silo processes to join, as Orleans' membership table records them.</summary>
internal static class ClusterReadiness
{
    private const int Active = 3;

    public static async Task WaitForActiveSilosAsync(string connectionString, int silos)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = @active", connection);
                command.Parameters.AddWithValue("active", Active);
                if ((long)(await command.ExecuteScalarAsync())! >= silos)
                {
                    return;
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // No silo has brought the schema up yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{silos} silo(s) did not join within a minute.");
    }
}
