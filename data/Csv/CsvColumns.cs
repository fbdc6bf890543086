using QuantCluster.Data.Tables;

namespace QuantCluster.Data.Csv;

/// <summary>
/// Where each bar field is in a CSV file's header, by the alias rules every format shares
/// (<see cref="BarColumns"/>).
/// </summary>
internal sealed record CsvColumns(int FieldCount, int Timestamp, int Open, int High, int Low, int Close, int? Volume, int? Symbol)
{
    /// <summary>The columns named by the header (line 1), or a <see cref="BarDataException"/> saying which is missing or ambiguous.</summary>
    public static CsvColumns Resolve(IReadOnlyList<string> headers, string sourceName)
    {
        var names = headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var found = BarColumns.Resolve(
            names,
            reason => new BarDataException(
                sourceName, 1, $"{reason}. Headers found: {string.Join(", ", names.Select(n => $"'{n}'"))}. The first line must be the header row."));
        return new CsvColumns(names.Length, found.Timestamp, found.Open, found.High, found.Low, found.Close, found.Volume, found.Symbol);
    }
}
