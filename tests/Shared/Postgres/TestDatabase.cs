using Npgsql;

namespace QuantCluster.Tests.Shared.Postgres;

/// <summary>
/// A fresh, empty database on the test server for one test, dropped afterwards, so tests run in
/// parallel and each sees only its own data. Its name is generated here, never taken from input.
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

    /// <summary>Drops the database while sessions still use it, as a lost server would look to them.</summary>
    public Task DropAsync() => AdministerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");

    public async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>One value from a fixed query of the test's own (never from input).</summary>
    public async Task<T> QueryScalarAsync<T>(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    private static async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
