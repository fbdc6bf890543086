namespace QuantCluster.Tests.Shared.Postgres;

/// <summary>
/// The PostgreSQL server the tests use, from QUANT_TEST_DB (./test.sh starts one and sets it). On
/// CI a missing server is a failure, so that a broken setup cannot pass as skipped tests; on a
/// developer's machine the tests skip and say how to run them.
/// </summary>
internal static class TestServer
{
    public const string Variable = "QUANT_TEST_DB";

    private const string HowToRun =
        "run ./test.sh (it starts PostgreSQL 15 and sets QUANT_TEST_DB), or eval \"$(eng/postgres.sh start)\" and then dotnet test";

    /// <summary>Why database tests are skipped here, or null when they run (a server is given, or this is CI).</summary>
    public static string? SkipReason => ConnectionStringOrNull is null && !IsCi ? $"{Variable} is not set: {HowToRun}" : null;

    /// <summary>The administrative connection string: a superuser on a database of the test server.</summary>
    public static string ConnectionString => ConnectionStringOrNull
        ?? throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL tests cannot run: {HowToRun}.");

    private static string? ConnectionStringOrNull => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");
}
