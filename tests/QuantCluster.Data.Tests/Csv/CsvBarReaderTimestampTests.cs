namespace QuantCluster.Data.Tests.Csv;

public class CsvBarReaderTimestampTests
{
    [Theory]
    [InlineData("2024-01-31", "2024-01-31T00:00:00Z")]
    [InlineData("2024-01-31T14:30:00", "2024-01-31T14:30:00Z")]
    [InlineData("2024-01-31 14:30:00", "2024-01-31T14:30:00Z")]
    [InlineData("2024-01-31T14:30", "2024-01-31T14:30:00Z")]
    [InlineData("2024-01-31T14:30:00Z", "2024-01-31T14:30:00Z")]
    [InlineData("2024-01-31t14:30:00z", "2024-01-31T14:30:00Z")]
    [InlineData("2024-01-31T14:30:00.5Z", "2024-01-31T14:30:00.5Z")]
    [InlineData("2024-01-31T14:30:00.123456Z", "2024-01-31T14:30:00.123456Z")]
    [InlineData("2024-01-31T14:30:00.123456789Z", "2024-01-31T14:30:00.123456Z")]
    [InlineData("2024-02-29", "2024-02-29T00:00:00Z")]
    [InlineData("1900-01-01", "1900-01-01T00:00:00Z")]
    public void Reads_ISO_dates_and_date_times_without_a_zone_as_UTC(string text, string expected)
    {
        Assert.Equal(Utc.Microseconds(expected), ReadTimestamp(text));
    }

    [Theory]
    [InlineData("2024-01-31T14:30:00+01:00", "2024-01-31T13:30:00Z")]
    [InlineData("2024-01-31T14:30:00-05:00", "2024-01-31T19:30:00Z")]
    [InlineData("2024-01-31T01:30:00+05:30", "2024-01-30T20:00:00Z")]
    [InlineData("2024-01-31 14:30:00+0100", "2024-01-31T13:30:00Z")]
    [InlineData("2024-01-31 14:30:00+01", "2024-01-31T13:30:00Z")]
    [InlineData("2024-01-31 14:30:00 +01:00", "2024-01-31T13:30:00Z")]
    [InlineData("2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z")]
    [InlineData("2024-01-31T14:30:00.25+00:00", "2024-01-31T14:30:00.25Z")]
    public void Converts_date_times_with_an_offset_to_UTC(string text, string expected)
    {
        Assert.Equal(Utc.Microseconds(expected), ReadTimestamp(text));
    }

    [Theory]
    [InlineData("1706711400", "2024-01-31T14:30:00Z")]
    [InlineData("1706711400000", "2024-01-31T14:30:00Z")]
    [InlineData("1706711400000000", "2024-01-31T14:30:00Z")]
    [InlineData("1706711400000000000", "2024-01-31T14:30:00Z")]
    [InlineData("1706711400.5", "2024-01-31T14:30:00.5Z")]
    [InlineData("1706711400123.456", "2024-01-31T14:30:00.123456Z")]
    [InlineData("1706711400123456789", "2024-01-31T14:30:00.123456Z")]
    [InlineData("946684800", "2000-01-01T00:00:00Z")]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("-86400", "1969-12-31T00:00:00Z")]
    public void Reads_epoch_seconds_milliseconds_microseconds_and_nanoseconds_by_their_magnitude(string text, string expected)
    {
        Assert.Equal(Utc.Microseconds(expected), ReadTimestamp(text));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-1-31")]
    [InlineData("2024-01-31T24:00:00")]
    [InlineData("2024-01-31T12:60")]
    [InlineData("2024-01-31T12:30:61")]
    [InlineData("2024-01-31T12")]
    [InlineData("2024-01-31T12:30:00.")]
    [InlineData("2024-01-31T12:30:00+25:00")]
    [InlineData("2024-01-31T12:30:00 UTC")]
    [InlineData("2024-01-31x")]
    [InlineData("31/01/2024")]
    [InlineData("01/31/2024")]
    [InlineData("yesterday")]
    [InlineData("1.7e9")]
    [InlineData("17064-00")]
    [InlineData("1706711400.5.5")]
    [InlineData("99999999999999999999")]
    public void Rejects_a_timestamp_it_cannot_read_with_its_line_and_the_forms_accepted(string text)
    {
        var error = TempCsv.Refusal(["time,open,high,low,close", "2024-01-01,10,12,9,11", $"{text},10,12,9,11"]);

        Assert.Equal(3, error.Line);
        Assert.StartsWith($"bad timestamp '{text}': expected an ISO-8601 date or date-time", error.Reason, StringComparison.Ordinal);
    }

    private static long ReadTimestamp(string text) =>
        Assert.Single(TempCsv.Read(["time,open,high,low,close", $"{text},10,12,9,11"]).Timestamps);
}
