namespace QuantCluster.Data.Tables;

/// <summary>Counts rows and finds the time span per symbol, in one pass over the two columns.</summary>
internal static class SymbolSummaries
{
    /// <param name="symbols">The symbol column (text), or null when the table has none: every row is then one null symbol.</param>
    /// <param name="timestamps">UTC microseconds per row, or null when the table has no timestamp column.</param>
    /// <param name="timestampNulls">True where a timestamp is null.</param>
    /// <returns>One summary per symbol in ordinal order, the null symbol last; none for an empty table.</returns>
    public static IReadOnlyList<SymbolSummary> Of(TableColumn? symbols, long[]? timestamps, bool[]? timestampNulls, int rows)
    {
        var texts = symbols?.Get<string>();
        var bySymbol = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally? unnamed = null;
        string? lastSymbol = null;
        Tally? last = null;
        for (var row = 0; row < rows; row++)
        {
            Tally span;
            if (texts is null || symbols!.IsNull(row))
            {
                span = unnamed ??= new Tally();
            }
            else if (ReferenceEquals(texts[row], lastSymbol))
            {
                // Symbols decoded from a dictionary share one string each, so this skips most lookups.
                span = last!;
            }
            else
            {
                lastSymbol = texts[row];
                if (!bySymbol.TryGetValue(lastSymbol, out span!))
                {
                    bySymbol[lastSymbol] = span = new Tally();
                }

                last = span;
            }

            span.Rows++;
            if (timestamps is not null && (timestampNulls is null || !timestampNulls[row]))
            {
                span.Add(timestamps[row]);
            }
        }

        var result = bySymbol.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Summary(p.Key)).ToList();
        if (unnamed is not null)
        {
            result.Add(unnamed.Summary(null));
        }

        return result;
    }

    private sealed class Tally
    {
        private long? _first;
        private long? _last;

        public long Rows { get; set; }

        public void Add(long timestamp)
        {
            _first = _first is { } f && f <= timestamp ? f : timestamp;
            _last = _last is { } l && l >= timestamp ? l : timestamp;
        }

        public SymbolSummary Summary(string? symbol) => new(symbol, Rows, _first, _last);
    }
}
