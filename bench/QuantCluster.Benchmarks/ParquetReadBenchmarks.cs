using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using QuantCluster.Data.Parquet;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Benchmarks;

/// <summary>
/// Parquet read speed, side by side in one run, over 1,000,000 one-minute bars that DuckDB
/// writes with its default settings (SNAPPY, row groups of 122,880 rows, dictionary-encoded,
/// every column OPTIONAL): the six bar columns (ts, open, high, low, close, volume) into arrays
/// by our reader on ParquetSharp, and by DuckDB in-process on one thread (`SET threads = 1`),
/// both into .NET arrays and, as DuckDB's own floor, decoded without leaving DuckDB. The aim:
/// our reader no slower than DuckDB single-threaded. Everything runs on one thread.
///   dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*ParquetRead*'
/// </summary>
[MemoryDiagnoser]
public class ParquetReadBenchmarks : IDisposable
{
    private const int Rows = 1_000_000;
    private static readonly string BarsFile = Path.Combine(Path.GetTempPath(), "quantcluster-bench", "bars-1m-duckdb-snappy.parquet");
    private static readonly string[] BarColumns = ["ts", "open", "high", "low", "close", "volume"];

    private DuckDBConnection? _duckDb;

    [GlobalSetup]
    public void WriteTheFileWithDuckDb()
    {
        _duckDb = new DuckDBConnection("Data Source=:memory:");
        _duckDb.Open();
        Execute("SET threads = 1");
        if (!File.Exists(BarsFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(BarsFile)!);

            // A random walk of prices in cents, so that the columns look like real bars to the encoder.
            Execute($"""
                COPY (
                  WITH steps AS (
                    SELECT i, sum(round((random() - 0.5) * 20)) OVER (ORDER BY i) AS walk FROM range({Rows}) t(i)
                  ), bars AS (
                    SELECT i, 10000 + abs(walk) AS mid, hash(i) % 40 AS spread FROM steps
                  )
                  SELECT TIMESTAMP '2020-01-01' + to_minutes(i) AS ts, 'BENCH' AS symbol,
                    mid / 100.0 AS open, (mid + spread) / 100.0 AS high, (mid - spread) / 100.0 AS low,
                    (mid + spread // 2) / 100.0 AS close, (hash(i * 7) % 100000)::BIGINT AS volume
                  FROM bars ORDER BY i
                ) TO '{BarsFile}' (FORMAT parquet, COMPRESSION snappy)
                """);
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _duckDb?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What `quant backtest` does: the six columns into a validated BarSeries (the symbol column is skipped by its statistics).</summary>
    [Benchmark(Baseline = true, Description = "ParquetBarReader.Read: 6 columns into a BarSeries, validated")]
    public BarSeries ReadBars() => ParquetBarReader.Read(BarsFile, null);

    [Benchmark(Description = "ParquetFileReader.ReadColumn: the 6 columns as stored")]
    public int ReadColumns()
    {
        using var file = ParquetFileReader.Open(BarsFile);
        return BarColumns.Sum(column => file.ReadColumn(column).Count);
    }

    /// <summary>The like-for-like figure: DuckDB decodes the same six columns and they are copied into .NET arrays.</summary>
    [Benchmark(Description = "DuckDB, 1 thread: 6 columns into arrays")]
    public double[] DuckDbIntoArrays()
    {
        var ts = new long[Rows];
        var columns = new double[5][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[Rows];
        }

        using var command = _duckDb!.CreateCommand();
        command.CommandText = $"SELECT epoch_us(ts), open, high, low, close, volume::DOUBLE FROM read_parquet('{BarsFile}')";
        using var reader = command.ExecuteReader();
        var row = 0;
        while (reader.Read())
        {
            ts[row] = reader.GetInt64(0);
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c][row] = reader.GetDouble(c + 1);
            }

            row++;
        }

        return columns[3];
    }

    /// <summary>DuckDB's floor: every value of the six columns decoded and aggregated, nothing copied out.</summary>
    [Benchmark(Description = "DuckDB, 1 thread: 6 columns aggregated in DuckDB")]
    public object? DuckDbAggregate()
    {
        using var command = _duckDb!.CreateCommand();
        command.CommandText = $"SELECT count(*), min(ts), max(ts), sum(open), sum(high), sum(low), sum(close), sum(volume) FROM read_parquet('{BarsFile}')";
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = _duckDb!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
