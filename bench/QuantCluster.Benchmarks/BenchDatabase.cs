using Npgsql;

namespace QuantCluster.Benchmarks;

/// <summary>A fresh database on the benchmark's server, so each cluster configuration starts from empty tables; dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private BenchDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString)
    {
        // The name is generated here, never taken from input, so it is safe as an identifier.
        string name = $"quant_bench_{Guid.NewGuid():N}";
        await AdministerAsync(serverConnectionString, $"CREATE DATABASE {name}");
        var settings = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new BenchDatabase(serverConnectionString, name, settings.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdministerAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task AdministerAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
