namespace QuantCluster.Data.Csv;

/// <summary>
/// Where each bar field is in a CSV file's header: matched case-insensitively against common
/// aliases, with an unnamed first column taken as the timestamp (as pandas writes an index).
/// </summary>
internal sealed record CsvColumns(int FieldCount, int Timestamp, int Open, int High, int Low, int Close, int? Volume, int? Symbol)
{
    private static readonly string[] TimestampAliases = ["ts", "time", "timestamp", "date", "datetime"];
    private static readonly string[] OpenAliases = ["open", "o"];
    private static readonly string[] HighAliases = ["high", "h"];
    private static readonly string[] LowAliases = ["low", "l"];
    private static readonly string[] CloseAliases = ["close", "c"];
    private static readonly string[] VolumeAliases = ["volume", "vol", "v"];
    private static readonly string[] SymbolAliases = ["symbol", "ticker"];

    /// <summary>The columns named by the header (line 1), or a <see cref="BarDataException"/> saying which is missing or ambiguous.</summary>
    public static CsvColumns Resolve(IReadOnlyList<string> headers, string sourceName)
    {
        var names = headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var header = new Header(names, sourceName);
        return new CsvColumns(
            names.Length,
            header.Required("timestamp", TimestampAliases),
            header.Required("open", OpenAliases),
            header.Required("high", HighAliases),
            header.Required("low", LowAliases),
            header.Required("close", CloseAliases),
            header.Optional("volume", VolumeAliases),
            header.Optional("symbol", SymbolAliases));
    }

    private readonly record struct Header(string[] Names, string SourceName)
    {
        public int Required(string field, string[] aliases) =>
            Optional(field, aliases) ?? throw Fail($"no {field} column (accepted: {Describe(aliases)})");

        public int? Optional(string field, string[] aliases)
        {
            var names = Names;
            var matches = Enumerable.Range(0, names.Length)
                .Where(i => aliases.Contains(names[i], StringComparer.OrdinalIgnoreCase)
                    || (aliases == TimestampAliases && i == 0 && names[i].Length == 0))
                .ToArray();
            if (matches.Length > 1)
            {
                throw Fail($"columns {string.Join(" and ", matches.Select(m => Quote(names[m])))} each name the {field}; keep one");
            }

            return matches.Length == 1 ? matches[0] : null;
        }

        private BarDataException Fail(string reason) =>
            new(SourceName, 1, $"{reason}. Headers found: {string.Join(", ", Names.Select(Quote))}. The first line must be the header row.");

        private static string Describe(string[] aliases) =>
            string.Join(", ", aliases) + (aliases == TimestampAliases ? ", or an unnamed first column" : "");

        private static string Quote(string name) => $"'{name}'";
    }
}
