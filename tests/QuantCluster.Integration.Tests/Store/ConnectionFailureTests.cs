using QuantCluster.Data.Postgres;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class ConnectionFailureTests
{
    [Fact]
    public async Task Opening_a_store_on_a_closed_port_names_the_host_the_port_and_the_cause()
    {
        int port = ClosedPort.Find();

        var error = await Assert.ThrowsAsync<BarStoreException>(
            () => PostgresBarStore.OpenAsync($"Host=127.0.0.1;Port={port};Username=quant;Database=bars;Timeout=5"));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port} (database bars): opening the bar store failed:", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_password_in_the_connection_string_never_appears_in_the_error()
    {
        int port = ClosedPort.Find();

        var error = await Assert.ThrowsAsync<BarStoreException>(
            () => PostgresBarStore.OpenAsync($"Host=127.0.0.1;Port={port};Username=quant;Password=hunter2;Database=bars;Timeout=5"));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_that_does_not_parse_is_an_argument_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresBarStore.OpenAsync("Hots=localhost"));
    }

    [DatabaseFact]
    public async Task A_database_that_does_not_exist_is_named_with_the_servers_reason()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(TestServer.ConnectionString) { Database = "no_such_database" };

        var error = await Assert.ThrowsAsync<BarStoreException>(() => PostgresBarStore.OpenAsync(settings.ConnectionString));

        Assert.Contains("(database no_such_database)", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist (SQLSTATE 3D000)", error.Message, StringComparison.Ordinal);
    }
}
