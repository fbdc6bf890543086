using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Every flat column of every parquet-testing file reads exactly as DuckDB reads it.</summary>
public sealed class ReaderMatchesDuckDbTests(ParquetTestingCorpus corpus) : IClassFixture<ParquetTestingCorpus>
{
    /// <summary>
    /// Spark wrote an INT96 timestamp in the year 290000 into int96_from_spark.parquet. It fits in
    /// 64-bit microseconds, but DuckDB's conversion overflows and prints a date in 226414 BC; we
    /// keep the correct instant, 290000-12-30T23:00:00Z.
    /// </summary>
    private static readonly (string File, string Column, int Row, string Value) DuckDbOverflow =
        ("int96_from_spark.parquet", "a", 5, "9089380393200000000");

    public static TheoryData<string> Files() => [.. ParquetTestingCorpus.FileNames()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_every_value_DuckDB_reads(string file)
    {
        var expected = corpus.Expected(file);
        Assert.Null(expected.Error);
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile(file));

        Assert.Equal(expected.Columns.Select(c => c.Name), reader.Schema.Columns.Select(c => c.Name));
        Assert.Equal(expected.Nested, reader.Schema.NestedColumns);
        foreach (var duckColumn in expected.Columns)
        {
            var column = reader.ReadColumn(duckColumn.Name);
            var ours = ColumnRendering.Render(column);
            var want = duckColumn.Values.ToArray();
            if (DuckDbOverflow.File == file && DuckDbOverflow.Column == duckColumn.Name)
                want[DuckDbOverflow.Row] = DuckDbOverflow.Value;
            Assert.True(want.SequenceEqual(ours), $"{file} column {duckColumn.Name}: {ColumnRendering.Differences(want, ours)}");
            Assert.Equal(ColumnRendering.FamilyOf(duckColumn.DuckType), ColumnRendering.FamilyOf(column.Info));
        }
    }

    [Fact]
    public void DuckDB_overflows_the_year_290000_INT96_timestamp_we_read_correctly()
    {
        var duck = corpus.DuckDbReading(DuckDbOverflow.File).Column(DuckDbOverflow.Column).Values[DuckDbOverflow.Row];
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile(DuckDbOverflow.File));
        var ours = reader.ReadColumn(DuckDbOverflow.Column).GetValues<long>()[DuckDbOverflow.Row];

        Assert.NotEqual(DuckDbOverflow.Value, duck);
        Assert.Equal(long.Parse(DuckDbOverflow.Value, System.Globalization.CultureInfo.InvariantCulture), ours);
    }

    [Theory]
    [InlineData("hadoop_lz4_compressed.parquet")]
    [InlineData("non_hadoop_lz4_compressed.parquet")]
    public void Reads_deprecated_LZ4_files_DuckDB_refuses(string file)
    {
        Assert.Contains("LZ4", corpus.DuckDbReading(file).Error, StringComparison.Ordinal);
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile(file));

        Assert.Equal(ParquetCompression.Lz4, reader.RowGroups[0].Columns[0].Codec);
        Assert.Equal([1593604800L, 1593604800, 1593604801, 1593604801], reader.ReadColumn("c0").GetValues<long>());
    }
}
