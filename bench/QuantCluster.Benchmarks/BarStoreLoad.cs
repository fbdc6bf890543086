using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Benchmarks;

/// <summary>
/// Load speed of the PostgreSQL bar store: importing 1,000,000 one-minute bars into an empty
/// series (validate, binary COPY, merge, coverage, commit) and reading them all back. One
/// operation is one bar, so the Op/s column is rows per second. The server comes from QUANT_DB:
///   eval "$(eng/postgres.sh start)"
///   QUANT_DB=$QUANT_TEST_DB dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*BarStoreLoad*'
///   eng/postgres.sh stop
/// It writes and deletes only its own series, but a throwaway database is the place to run it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[OperationsPerSecond]
public class BarStoreLoad
{
    private const int Rows = 1_000_000;
    private const string Symbol = "__bench_load__";
    private const string Timeframe = "1m";

    private BarSeries _bars = null!;
    private PostgresBarStore _store = null!;
    private string _connectionString = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connectionString = Environment.GetEnvironmentVariable("QUANT_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set QUANT_DB to a PostgreSQL connection string (eng/postgres.sh start gives a throwaway server).");
        _bars = RandomWalkBars.Generate(Rows, new Random(42), Symbol);
        _store = PostgresBarStore.OpenAsync(_connectionString).GetAwaiter().GetResult();
        RemoveSeries();
        _store.ImportAsync(_bars, Timeframe, "benchmark").GetAwaiter().GetResult();
    }

    // Each import starts from an empty series (and a vacuumed table), so every run does the same work.
    [IterationSetup(Target = nameof(Import))]
    public void EmptySeries() => RemoveSeries();

    [Benchmark(OperationsPerInvoke = Rows)]
    public BarImportResult Import() => _store.ImportAsync(_bars, Timeframe, "benchmark").GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Rows)]
    public BarSeries Read() => _store.ReadAsync(Symbol, Timeframe).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        RemoveSeries();
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void RemoveSeries()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using (var delete = new NpgsqlCommand("DELETE FROM bars WHERE symbol = @symbol; DELETE FROM bar_coverage WHERE symbol = @symbol", connection))
        {
            delete.Parameters.AddWithValue("symbol", Symbol);
            delete.ExecuteNonQuery();
        }

        using var vacuum = new NpgsqlCommand("VACUUM bars", connection);
        vacuum.ExecuteNonQuery();
    }
}
