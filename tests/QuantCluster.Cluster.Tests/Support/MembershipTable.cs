using Npgsql;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// Orleans' membership table as a fixed query sees it: each silo by its port, with its status. How a
/// test sees who joined and who was declared dead, without going through the code under test. Each read
/// opens a connection of its own, unpooled, so a restarted server costs no stale connection.
/// </summary>
internal sealed class MembershipTable(string connectionString)
{
    private readonly string _connectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>Orleans' SiloStatus values as stored.</summary>
    public const int Active = 3;
    public const int Dead = 6;

    /// <summary>The status of the silo on each port (the latest generation of each).</summary>
    public async Task<IReadOnlyDictionary<int, int>> StatusByPortAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT DISTINCT ON (port) port, status FROM orleansmembershiptable ORDER BY port, generation DESC", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var statuses = new Dictionary<int, int>();
            while (await reader.ReadAsync())
            {
                statuses[reader.GetInt32(0)] = reader.GetInt32(1);
            }

            return statuses;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return new Dictionary<int, int>(); // No silo has brought the schema up yet.
        }
    }

    public async Task<int> ActiveCountAsync() => (await StatusByPortAsync()).Values.Count(status => status == Active);

    public async Task<int?> StatusOfAsync(int port) => (await StatusByPortAsync()).TryGetValue(port, out int status) ? status : null;
}
