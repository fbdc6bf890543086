using QuantCluster.Data.Parquet;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>Bars from Parquet files DuckDB wrote, found by the same column aliases as in CSV files.</summary>
public sealed class ParquetBarReaderTests(DuckDbBarFiles files) : IClassFixture<DuckDbBarFiles>
{
    [Theory]
    [InlineData("ts_s")]
    [InlineData("ts_ms")]
    [InlineData("ts_us")]
    [InlineData("ts_ns")]
    [InlineData("ts_tz")]
    public void Reads_TIMESTAMP_columns_of_every_unit_and_with_a_time_zone_as_UTC_bars(string file)
    {
        var bars = ParquetBarReader.Read(files.File(file), null);

        AssertExpectedBars(bars, 100);
        Assert.Equal(file, bars.Symbol);
    }

    [Theory]
    [InlineData("epoch_seconds")]
    [InlineData("epoch_millis")]
    [InlineData("iso_text")]
    public void Reads_epoch_numbers_and_ISO_text_as_the_CSV_reader_does(string file)
    {
        AssertExpectedBars(ParquetBarReader.Read(files.File(file), null), 100);
    }

    [Fact]
    public void Reads_a_DATE_column_as_midnight_UTC()
    {
        var bars = ParquetBarReader.Read(files.File("dates"), null);

        Assert.Equal(Utc("2024-01-02"), bars.Timestamps[0]);
        Assert.Equal(Utc("2024-04-10"), bars.Timestamps[^1]);
    }

    [Theory]
    [InlineData("volume_integer")]
    [InlineData("volume_bigint")]
    public void Reads_integer_volume_as_well_as_double(string file)
    {
        AssertExpectedBars(ParquetBarReader.Read(files.File(file), null), 100);
    }

    [Fact]
    public void Reads_float_prices_and_NaN_volume_when_there_is_no_volume_column()
    {
        AssertExpectedBars(ParquetBarReader.Read(files.File("float_prices"), null), 100);
        Assert.All(ParquetBarReader.Read(files.File("no_volume"), null).Volume, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Finds_columns_by_the_CSV_aliases_in_any_case_and_names_the_series_after_the_ticker()
    {
        var bars = ParquetBarReader.Read(files.File("aliases"), null);

        AssertExpectedBars(bars, 100);
        Assert.Equal("SPY", bars.Symbol);
    }

    [Fact]
    public void Keeps_only_the_rows_of_the_symbol_asked_for_in_any_case()
    {
        var aapl = ParquetBarReader.Read(files.File("two_symbols"), "aapl");
        var msft = ParquetBarReader.Read(files.File("two_symbols"), "MSFT");

        AssertExpectedBars(aapl, 100);
        Assert.Equal("AAPL", aapl.Symbol);
        Assert.Equal(aapl.Close.Select(c => c * 2), msft.Close);
    }

    [Fact]
    public void Refuses_a_file_of_several_symbols_when_none_is_chosen_as_the_CSV_reader_does()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("two_symbols"), null));

        Assert.Equal("two_symbols.parquet: the file holds bars of 2 symbols (AAPL, MSFT); choose one with --symbol", error.Message);
    }

    [Fact]
    public void Refuses_a_symbol_the_file_does_not_hold_listing_those_it_does()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("two_symbols"), "GOOG"));

        Assert.Equal("two_symbols.parquet: no rows for symbol 'GOOG'; the file holds AAPL, MSFT", error.Message);
    }

    [Fact]
    public void Does_not_read_the_symbol_column_when_its_statistics_show_one_symbol()
    {
        using var stream = new RecordingStream(File.ReadAllBytes(files.File("row_groups")));
        using var reader = ParquetFileReader.Open(stream, leaveOpen: true);
        stream.Reads.Clear();

        var bars = ParquetBarReader.Read(reader, "row_groups.parquet", "es");

        Assert.Equal(("ES", 20480), (bars.Symbol, bars.Count));
        var symbol = reader.Schema.Columns.ToList().FindIndex(c => c.Name == "symbol");
        var symbolChunks = ChunkByteRanges.Of(reader).Select(group => group[symbol]).ToArray();
        Assert.NotEmpty(stream.Reads);
        Assert.DoesNotContain(stream.Reads, r => symbolChunks.Any(c => r.Start < c.End && r.End > c.Start));
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(reader, "row_groups.parquet", "NQ"));
        Assert.Equal("row_groups.parquet: no rows for symbol 'NQ'; the file holds ES", error.Message);
    }

    [Fact]
    public void Refuses_a_null_in_a_bar_naming_the_file_row_and_the_column()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("null_close"), null));

        Assert.Equal("null_close.parquet row 42: close is null (column 'close')", error.Message);
    }

    [Fact]
    public void Reads_a_null_volume_as_NaN_and_keeps_the_bar()
    {
        var bars = ParquetBarReader.Read(files.File("null_volume"), null);

        Assert.Equal(100, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(i % 10 == 3 ? double.NaN : DuckDbBarFiles.ExpectedBar(i).Volume, bars.Volume[i]);
            Assert.Equal(DuckDbBarFiles.ExpectedBar(i).Close, bars.Close[i]);
        }
    }

    [Fact]
    public void Refuses_a_null_symbol()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("null_symbol"), null));

        Assert.Equal("null_symbol.parquet row 8: symbol is null (column 'symbol')", error.Message);
    }

    [Fact]
    public void Ignores_nulls_in_the_rows_of_other_symbols()
    {
        AssertExpectedBars(ParquetBarReader.Read(files.File("null_in_other_symbol"), "AAPL"), 100);
        Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("null_in_other_symbol"), "MSFT"));
    }

    [Fact]
    public void Validates_the_bars_naming_the_file_row_of_the_bad_one()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("high_below_low"), null));

        Assert.Equal("high_below_low.parquet row 58: high 126.5 is below low 127.5", error.Message);
    }

    [Fact]
    public void Refuses_DECIMAL_prices_rather_than_reading_unscaled_integers()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("decimal_prices"), null));

        Assert.Equal(
            "decimal_prices.parquet: column 'open' is DECIMAL; the open must be a DOUBLE, FLOAT or integer column (DECIMAL is not read yet: store prices as DOUBLE)",
            error.Message);
    }

    [Fact]
    public void Names_a_missing_column_and_lists_the_columns_found()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("no_close"), null));

        Assert.Equal("no_close.parquet: no close column (accepted: close, c). Columns found: 'ts', 'open', 'high', 'low'", error.Message);
    }

    [Fact]
    public void Is_what_BarFiles_reads_for_a_parquet_file()
    {
        var bars = BarFiles.Read(files.File("two_symbols"), "MSFT");

        Assert.Equal(ParquetBarReader.Read(files.File("two_symbols"), "MSFT").Close, bars.Close);
    }

    private static void AssertExpectedBars(BarSeries bars, int count)
    {
        Assert.Equal(count, bars.Count);
        for (var i = 0; i < count; i++)
        {
            var expected = DuckDbBarFiles.ExpectedBar(i);
            Assert.Equal(expected, (bars.Timestamps[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i]));
        }
    }

    private static long Utc(string date) => (DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture).Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
