using System.Globalization;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Data;

public sealed class CatCommandTests(DuckDbDataFiles files) : IClassFixture<DuckDbDataFiles>
{
    /// <summary>Every file of apache/parquet-testing kept in ../shared/data.</summary>
    private static readonly string[] ParquetTestingFiles =
        [.. Directory.GetFiles(RepositoryPaths.ParquetTestingDirectory, "*.parquet").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static readonly Lazy<IReadOnlyDictionary<string, DuckDbFile>> DuckDb =
        new(() => DuckDbReference.Dump([.. ParquetTestingFiles.Select(RepositoryPaths.ParquetTestingFile)]));

    /// <summary>
    /// Spark wrote a timestamp in the year 290000 into int96_from_spark.parquet; DuckDB overflows
    /// it (see ReaderMatchesDuckDbTests), we print its microseconds.
    /// </summary>
    private static readonly (string File, string Column, int Row, string Value) DuckDbOverflow = ("int96_from_spark.parquet", "a", 5, "9089380393200000000");

    /// <summary>
    /// DuckDB refuses the deprecated LZ4 codec; parquet-testing wrote the same table with LZ4_RAW,
    /// which DuckDB reads, so those files are checked against DuckDB's reading of that one.
    /// </summary>
    private static readonly Dictionary<string, string> SameTableDuckDbReads = new()
    {
        ["hadoop_lz4_compressed.parquet"] = "lz4_raw_compressed.parquet",
        ["non_hadoop_lz4_compressed.parquet"] = "lz4_raw_compressed.parquet",
    };

    public static TheoryData<string> Files() => [.. ParquetTestingFiles];

    [Theory]
    [MemberData(nameof(Files))]
    public void Prints_every_value_of_a_parquet_testing_file_as_DuckDB_reads_it(string name)
    {
        var path = RepositoryPaths.ParquetTestingFile(name);
        var expected = DuckDb.Value[path];
        if (SameTableDuckDbReads.TryGetValue(name, out var sameTable))
        {
            Assert.Contains("LZ4", expected.Error, StringComparison.Ordinal);
            expected = DuckDb.Value[RepositoryPaths.ParquetTestingFile(sameTable)];
        }

        var run = QuantProcess.Run("data", "cat", path);

        Assert.Equal(0, run.ExitCode);
        var rows = CsvCells.Parse(run.Output);
        Assert.Equal(expected.Columns.Select(c => c.Name), rows[0]);
        for (var i = 0; i < expected.Columns.Count; i++)
        {
            var column = expected.Columns[i];
            var values = column.Values.ToArray();
            if ((name, column.Name) == (DuckDbOverflow.File, DuckDbOverflow.Column))
            {
                values[DuckDbOverflow.Row] = DuckDbOverflow.Value;
            }

            Assert.Equal(values, rows.Skip(1).Select(row => AsDuckDbRenders(row[i], column.DuckType)));
        }
    }

    [Fact]
    public void Prints_only_the_columns_asked_for_in_that_order_up_to_the_limit()
    {
        var run = QuantProcess.Run("data", "cat", files.Bars, "--columns", "close, symbol,ts", "--limit", "4");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "close,symbol,ts\n100.5,AAPL,2024-01-02T09:30:00Z\n100.5,MSFT,2024-01-02T09:30:00Z\n100.5,SPY,2024-01-02T09:30:00Z\n101.5,AAPL,2024-01-02T09:31:00Z\n",
            run.Output);
    }

    [Fact]
    public void Prints_a_CSV_file_with_its_own_header_and_ISO_UTC_times()
    {
        var run = QuantProcess.Run("data", "cat", RepositoryPaths.MarketFile("EURUSD.csv"), "--limit", "1");

        Assert.Equal(",Open,High,Low,Close,Volume\n2017-04-19T09:00:00Z,1.0716,1.0722,1.07083,1.07219,1413\n", run.Output);
    }

    [Fact]
    public void Refuses_an_unknown_column_on_one_line_listing_the_columns()
    {
        var run = QuantProcess.Run("data", "cat", files.Bars, "--columns", "ts,price");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: bars.parquet has no column 'price'; its columns are: ts, symbol, open, high, low, close, volume\n", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Refuses_a_negative_limit()
    {
        var run = QuantProcess.Run("data", "cat", files.Bars, "--limit", "-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--limit must be 0 or more", run.Error);
    }

    /// <summary>Our printed field in parquet-dump.mjs's rendering of a value of that DuckDB type.</summary>
    private static string? AsDuckDbRenders(string? field, string duckType) => field is null ? null : duckType switch
    {
        "DOUBLE" => BitConverter.DoubleToUInt64Bits(double.Parse(field, CultureInfo.InvariantCulture)).ToString("x16", CultureInfo.InvariantCulture),
        "FLOAT" => BitConverter.SingleToUInt32Bits(float.Parse(field, CultureInfo.InvariantCulture)).ToString("x8", CultureInfo.InvariantCulture),
        "BLOB" => Convert.ToHexStringLower(Unescape(field)),
        "DATE" => (DateOnly.ParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)
            .ToString(CultureInfo.InvariantCulture),
        // A time past the year 9999 prints as its count of microseconds, as the dump renders every time.
        _ when duckType.StartsWith("TIMESTAMP", StringComparison.Ordinal) && long.TryParse(field, CultureInfo.InvariantCulture, out _) => field,
        _ when duckType.StartsWith("TIMESTAMP", StringComparison.Ordinal) =>
            ((DateTimeOffset.Parse(field, CultureInfo.InvariantCulture).UtcTicks - DateTime.UnixEpoch.Ticks) / 10).ToString(CultureInfo.InvariantCulture),
        _ => field,
    };

    /// <summary>DuckDB's BLOB text: \xHH for a byte, everything else as itself.</summary>
    private static byte[] Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }
}
