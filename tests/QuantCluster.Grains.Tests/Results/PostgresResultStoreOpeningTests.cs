using QuantCluster.Grains.Results;
using QuantCluster.Grains.Results.Postgres;

namespace QuantCluster.Grains.Tests.Results;

/// <summary>A results database that cannot be reached fails at start-up, saying which server and why, and never the password.</summary>
public sealed class PostgresResultStoreOpeningTests
{
    [Fact]
    public async Task Opening_on_a_closed_port_fails_naming_the_server_and_the_cause_but_not_the_password()
    {
        int port = ClosedPort.Find();

        var error = await Assert.ThrowsAsync<ResultStoreException>(() => PostgresResultStore.OpenAsync(
            $"Host=127.0.0.1;Port={port};Username=quant;Password=hunter2;Database=results;Timeout=5"));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port} (database results): the results store's opening failed:", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }
}
