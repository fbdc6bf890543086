using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using QuantCluster.Data.Parquet;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Benchmarks;

/// <summary>
/// Parquet read speed: ParquetBarReader over 1,000,000 one-minute bars that DuckDB wrote with its
/// default settings (SNAPPY, row groups of 122,880 rows, dictionary-encoded prices), against
/// DuckDB reading every column of the same file on one thread, timed by
/// tests/reference/parquet-read-speed.mjs in the same run (median of 15, after a warm-up). The
/// "DuckDB" column is that median and "vs DuckDB" our median over it; the aim is at most 2.
/// Both sides run on one thread.
///   npm ci --prefix tests/reference
///   dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*ParquetRead*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DuckDbComparison))]
public class ParquetReadBenchmarks
{
    private static readonly string BarsFile = Path.Combine(Path.GetTempPath(), "quantcluster-bench", "bars-1m-duckdb.parquet");

    [GlobalSetup]
    public void WriteTheFileWithDuckDb()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BarsFile)!);
        DuckDb("0");
    }

    [Benchmark(Description = "ParquetBarReader.Read, 1M bars, 1 thread")]
    public BarSeries ReadBars() => ParquetBarReader.Read(BarsFile, null);

    /// <summary>
    /// Every column decoded, as DuckDB's query does: the bar reader above skips the symbol column
    /// when its statistics show one symbol, so this is the like-for-like figure.
    /// </summary>
    [Benchmark(Description = "ParquetFileReader.ReadColumn, all 7 columns")]
    public int ReadEveryColumn()
    {
        using var file = ParquetFileReader.Open(BarsFile);
        return file.Schema.Columns.Sum(column => file.ReadColumn(column.Name).Count);
    }

    /// <summary>Runs the reference script (which writes the file when it is missing) and returns DuckDB's median milliseconds.</summary>
    private static double? DuckDb(string runs)
    {
        var reference = ReferenceDirectory();
        var start = new ProcessStartInfo("node") { WorkingDirectory = reference, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(reference, "parquet-read-speed.mjs"));
        start.ArgumentList.Add(BarsFile);
        start.ArgumentList.Add(runs);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var error = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"parquet-read-speed.mjs failed (run `npm ci --prefix tests/reference`): {error.Result}");
        }

        using var json = JsonDocument.Parse(output);
        var median = json.RootElement.GetProperty("median_ms");
        return median.ValueKind == JsonValueKind.Null ? null : median.GetDouble();
    }

    private static string ReferenceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "reference");
            if (File.Exists(Path.Combine(candidate, "parquet-read-speed.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no tests/reference above {AppContext.BaseDirectory}");
    }

    /// <summary>Adds DuckDB's time, measured once by the host process after our runs, and the ratio.</summary>
    private sealed class DuckDbComparison : ManualConfig
    {
        public DuckDbComparison()
        {
            var duckDb = new Lazy<double>(() => DuckDb("15") ?? double.NaN);
            AddColumn(new ComparisonColumn("DuckDB", "DuckDB reading the same file on one thread, median ms", (_, _) => duckDb.Value.ToString("F1", CultureInfo.InvariantCulture) + " ms"));
            AddColumn(new ComparisonColumn("vs DuckDB", "Our median time over DuckDB's", (summary, benchmark) =>
                (summary[benchmark]!.ResultStatistics!.Median / 1e6 / duckDb.Value).ToString("F2", CultureInfo.InvariantCulture) + "x"));
        }
    }

    private sealed class ComparisonColumn(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
    {
        public string Id => nameof(ComparisonColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => false;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
