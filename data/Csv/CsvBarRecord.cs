using System.Globalization;
using CsvHelper;

namespace QuantCluster.Data.Csv;

/// <summary>The fields of the CSV record under the reader, each read or refused with the file line and the reason.</summary>
internal readonly struct CsvBarRecord(CsvReader reader, string sourceName)
{
    /// <summary>The 1-based file line where the record starts (blank lines count).</summary>
    public int Line => (int)reader.LineNumber;

    public int FieldCount => reader.FieldCount;

    public string Text(int index, string field) => reader.IsEmpty(index) ? throw Fail($"missing {field}") : reader.GetString(index);

    // Parsed here rather than by the reader, which allows thousands separators: a decimal comma
    // ("101,5" from a semicolon-separated file) must be refused, not read as 1015.
    public double Number(int index, string field) =>
        double.TryParse(reader.GetSpan(index), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
        : reader.IsEmpty(index) ? throw Fail($"missing {field}")
        : throw Fail($"{field} '{reader.GetString(index)}' is not a number");

    /// <summary>A volume, or NaN for an empty cell (as DuckDB writes a NULL): bars may have no volume, never no price.</summary>
    public double Volume(int index) => reader.IsEmpty(index) ? double.NaN : Number(index, "volume");

    public long Timestamp(int index) =>
        CsvTimestamp.TryParse(reader.GetSpan(index), out long microseconds) ? microseconds
        : reader.IsEmpty(index) ? throw Fail("missing timestamp")
        : throw Fail($"bad timestamp '{reader.GetString(index)}': {CsvTimestamp.Expected}");

    public BarDataException Fail(string reason) => new(sourceName, Line, reason);
}
