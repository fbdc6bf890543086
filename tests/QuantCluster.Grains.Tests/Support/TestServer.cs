namespace QuantCluster.Grains.Tests.Support;

/// <summary>
/// The PostgreSQL server the PostgreSQL store's tests use, from QUANT_TEST_DB (./test.sh starts one
/// and sets it). There is no fallback: without it those tests fail saying how to run them, so a broken
/// setup can never pass on CI as skipped tests.
/// </summary>
internal static class TestServer
{
    public const string Variable = "QUANT_TEST_DB";

    /// <summary>The administrative connection string: a superuser on a database of the test server.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set, so the PostgreSQL store's tests cannot run: run ./test.sh (it starts PostgreSQL 15 and sets "
            + $"{Variable}), or eval \"$(eng/postgres.sh start)\" and then dotnet test.");
}
