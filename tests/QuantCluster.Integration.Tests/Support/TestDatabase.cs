using Npgsql;
using QuantCluster.Data.Postgres;

namespace QuantCluster.Integration.Tests.Support;

/// <summary>
/// A fresh, empty database on the test server for one test, dropped afterwards, so tests run in
/// parallel and each sees only its own bars. Its name is generated here, never taken from input.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _name;

    private TestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        string name = $"quant_test_{Guid.NewGuid():N}";
        await AdministerAsync($"CREATE DATABASE {name}");
        var settings = new NpgsqlConnectionStringBuilder(TestServer.ConnectionString) { Database = name };
        return new TestDatabase(name, settings.ConnectionString);
    }

    public Task<PostgresBarStore> OpenStoreAsync() => PostgresBarStore.OpenAsync(ConnectionString);

    public async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await AdministerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
