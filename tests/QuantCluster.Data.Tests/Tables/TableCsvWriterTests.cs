using QuantCluster.Data.Tables;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>How each kind of value prints, and when a field is quoted.</summary>
public sealed class TableCsvWriterTests
{
    [Fact]
    public void Prints_null_as_an_empty_field_and_an_empty_text_as_two_quotes()
    {
        var csv = Write(new TableColumn("s", "STRING", TableValueKind.String, new[] { "", "x", null! }, [false, false, true]));

        Assert.Equal("s\n\"\"\nx\n\n", csv);
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("ÆØÅ-€uro", "ÆØÅ-€uro")]
    public void Quotes_text_only_when_it_needs_quotes(string text, string field)
    {
        Assert.Equal($"s\n{field}\n", Write(new TableColumn("s", "STRING", TableValueKind.String, new[] { text }, null)));
    }

    [Fact]
    public void Prints_doubles_and_floats_in_their_shortest_round_trip_form()
    {
        var csv = Write(
            new TableColumn("d", "DOUBLE", TableValueKind.Double, new[] { 0.1, 1e-300, -0.0, double.NaN, 100.0 }, null),
            new TableColumn("f", "FLOAT", TableValueKind.Float, new[] { 0.1f, 1.1f, 3e38f, float.PositiveInfinity, 2f }, null));

        Assert.Equal("d,f\n0.1,0.1\n1E-300,1.1\n-0,3E+38\nNaN,Infinity\n100,2\n", csv);
    }

    [Fact]
    public void Prints_timestamps_as_ISO_UTC_dates_as_days_and_times_of_day()
    {
        var csv = Write(
            new TableColumn("ts", "TIMESTAMP", TableValueKind.Timestamp, new[] { 1_704_067_200_500_000L, -1L }, null),
            new TableColumn("day", "DATE", TableValueKind.Date, new[] { 19723, -1 }, null),
            new TableColumn("at", "TIME(MICROS)", TableValueKind.Time, new[] { 52_200_000_000L, 1L }, null));

        Assert.Equal("ts,day,at\n2024-01-01T00:00:00.5Z,2024-01-01,14:30:00\n1969-12-31T23:59:59.999999Z,1969-12-31,00:00:00.000001\n", csv);
    }

    [Fact]
    public void Prints_binary_as_DuckDB_prints_a_BLOB()
    {
        var csv = Write(new TableColumn("b", "BINARY", TableValueKind.Binary, new[] { new byte[] { 0, (byte)'a', (byte)'\\', 0x7F, (byte)' ', 0xC3, 0xA9 } }, null));

        Assert.Equal("b\n\\x00a\\x5C\\x7F \\xC3\\xA9\n", csv);
    }

    [Fact]
    public void Refuses_a_column_it_cannot_print_faithfully()
    {
        var error = Assert.Throws<ArgumentException>(() => Write(new TableColumn("price", "DECIMAL", TableValueKind.Unsupported, new long[] { 10050 }, null)));

        Assert.Equal("column 'price' is DECIMAL, which cannot be printed yet; leave it out with --columns", error.Message);
    }

    private static string Write(params TableColumn[] columns)
    {
        var writer = new StringWriter();
        TableCsvWriter.Write(writer, new FlatTable(columns, columns[0].Count));
        return writer.ToString();
    }
}
