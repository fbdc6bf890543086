using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Data;

/// <summary>Parquet files DuckDB writes once per test class, in a temp folder deleted afterwards.</summary>
public sealed class DuckDbDataFiles : IDisposable
{
    private readonly TempDirectory _directory = new();

    public DuckDbDataFiles()
    {
        DuckDbReference.Query(
            // Three symbols interleaved in time, of different lengths, in several row groups.
            $"COPY (SELECT make_timestamp(1704187800000000 + i * 60000000) AS ts, s.symbol, (100 + i % 50)::DOUBLE AS open, " +
            $"(101 + i % 50)::DOUBLE AS high, (99 + i % 50)::DOUBLE AS low, (100.5 + i % 50)::DOUBLE AS close, i AS volume " +
            $"FROM range(3000) r(i), (VALUES ('AAPL', 3000), ('MSFT', 2000), ('SPY', 2500)) s(symbol, n) WHERE i < s.n ORDER BY ts, symbol) " +
            $"TO '{Bars}' (FORMAT parquet, ROW_GROUP_SIZE 2048)",
            $"COPY (SELECT column0 AS date, * EXCLUDE (column0) FROM read_csv('{RepositoryPaths.MarketFile("GOOG.csv")}')) TO '{Goog}' (FORMAT parquet)",
            $"COPY (SELECT column0::TIMESTAMP AS time, * EXCLUDE (column0) FROM read_csv('{RepositoryPaths.MarketFile("EURUSD.csv")}')) TO '{EurUsd}' (FORMAT parquet)");
    }

    /// <summary>AAPL, MSFT and SPY minute bars from 2024-01-02T09:30:00Z: 3000, 2000 and 2500 of them.</summary>
    public string Bars => _directory.File("bars.parquet");

    /// <summary>GOOG.csv as DuckDB reads and writes it: a DATE column "date", DOUBLE prices, BIGINT volume.</summary>
    public string Goog => _directory.File("goog.parquet");

    /// <summary>EURUSD.csv with a TIMESTAMP column "time".</summary>
    public string EurUsd => _directory.File("eurusd.parquet");

    public string File(string name) => _directory.File(name);

    public void Dispose() => _directory.Dispose();
}
