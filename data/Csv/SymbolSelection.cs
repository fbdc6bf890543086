namespace QuantCluster.Data.Csv;

/// <summary>
/// Picks the rows of one symbol from a file that may hold several: the symbol asked for
/// (case-insensitively), or the file's only symbol. Every symbol seen is remembered so that an
/// error can list them.
/// </summary>
internal sealed class SymbolSelection(string? wanted)
{
    private readonly List<string> _seen = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>The selected symbol as the file spells it, once a row of it has been seen.</summary>
    public string? Chosen { get; private set; }

    /// <summary>Whether a row of this symbol belongs to the series.</summary>
    public bool Accepts(string symbol)
    {
        if (symbol == Chosen)
        {
            return true;
        }

        if (_known.Add(symbol))
        {
            _seen.Add(symbol);
        }

        bool match = wanted is null ? Chosen is null : string.Equals(symbol, wanted, StringComparison.OrdinalIgnoreCase);
        if (match)
        {
            Chosen ??= symbol;
        }

        return match;
    }

    /// <summary>Throws when the file holds several symbols and none was asked for, or none of the one asked for.</summary>
    public void EnsureOneSymbol(string sourceName)
    {
        if (wanted is null && _seen.Count > 1)
        {
            throw new BarDataException(
                sourceName, null, $"the file holds bars of {_seen.Count} symbols ({List()}); choose one with --symbol");
        }

        if (wanted is not null && Chosen is null && _seen.Count > 0)
        {
            throw new BarDataException(sourceName, null, $"no rows for symbol '{wanted}'; the file holds {List()}");
        }
    }

    private string List() => string.Join(", ", _seen);
}
