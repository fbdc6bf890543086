namespace QuantCluster.Data.Tables;

/// <summary>
/// Which column of a table holds each bar field, whatever the file format: names are matched
/// case-insensitively against common aliases, and an unnamed first column is the timestamp (as
/// pandas writes an index). CSV headers and Parquet schemas go through the same rules, so a
/// file converted from one to the other still reads.
/// </summary>
internal sealed record BarColumns(int Timestamp, int Open, int High, int Low, int Close, int? Volume, int? Symbol)
{
    public static readonly string[] TimestampAliases = ["ts", "time", "timestamp", "date", "datetime"];
    public static readonly string[] OpenAliases = ["open", "o"];
    public static readonly string[] HighAliases = ["high", "h"];
    public static readonly string[] LowAliases = ["low", "l"];
    public static readonly string[] CloseAliases = ["close", "c"];
    public static readonly string[] VolumeAliases = ["volume", "vol", "v"];
    public static readonly string[] SymbolAliases = ["symbol", "ticker"];

    /// <param name="names">The column names in file order.</param>
    /// <param name="fail">Turns a reason ("no open column (accepted: open, o)") into the exception to throw.</param>
    public static BarColumns Resolve(IReadOnlyList<string> names, Func<string, BarDataException> fail) => new(
        Required(names, "timestamp", TimestampAliases, fail),
        Required(names, "open", OpenAliases, fail),
        Required(names, "high", HighAliases, fail),
        Required(names, "low", LowAliases, fail),
        Required(names, "close", CloseAliases, fail),
        Optional(names, "volume", VolumeAliases, fail),
        Optional(names, "symbol", SymbolAliases, fail));

    /// <summary>The one column going by these aliases, or null when none or several do (for describing a table, not reading bars).</summary>
    public static int? FindUnique(IReadOnlyList<string> names, string[] aliases) =>
        Matches(names, aliases) is [var only] ? only : null;

    private static int Required(IReadOnlyList<string> names, string field, string[] aliases, Func<string, BarDataException> fail) =>
        Optional(names, field, aliases, fail) ?? throw fail($"no {field} column (accepted: {Describe(aliases)})");

    private static int? Optional(IReadOnlyList<string> names, string field, string[] aliases, Func<string, BarDataException> fail)
    {
        var matches = Matches(names, aliases);
        if (matches.Length > 1)
        {
            throw fail($"columns {string.Join(" and ", matches.Select(m => $"'{names[m]}'"))} each name the {field}; keep one");
        }

        return matches.Length == 1 ? matches[0] : null;
    }

    private static int[] Matches(IReadOnlyList<string> names, string[] aliases) =>
        Enumerable.Range(0, names.Count)
            .Where(i => aliases.Contains(names[i], StringComparer.OrdinalIgnoreCase)
                || (aliases == TimestampAliases && i == 0 && names[i].Length == 0))
            .ToArray();

    private static string Describe(string[] aliases) =>
        string.Join(", ", aliases) + (aliases == TimestampAliases ? ", or an unnamed first column" : "");
}
