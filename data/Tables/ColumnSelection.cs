namespace QuantCluster.Data.Tables;

/// <summary>Columns asked for by name (as with `quant data cat --columns`), matched exactly or else by a unique case-insensitive match.</summary>
internal static class ColumnSelection
{
    /// <returns>The positions of the requested columns in request order, or of every column when none are requested.</returns>
    public static int[] Resolve(IReadOnlyList<string> available, IReadOnlyList<string>? requested, string sourceName)
    {
        if (requested is null)
        {
            return [.. Enumerable.Range(0, available.Count)];
        }

        return [.. requested.Select(name => Find(available, name) ?? throw new ArgumentException(
            $"{sourceName} has no column '{name}'; its columns are: {string.Join(", ", available.Select(Show))}"))];
    }

    private static int? Find(IReadOnlyList<string> available, string name)
    {
        for (var i = 0; i < available.Count; i++)
        {
            if (available[i] == name)
            {
                return i;
            }
        }

        var loose = Enumerable.Range(0, available.Count).Where(i => string.Equals(available[i], name, StringComparison.OrdinalIgnoreCase)).ToArray();
        return loose.Length == 1 ? loose[0] : null;
    }

    // An unnamed column (a pandas index) must still show up in the list.
    private static string Show(string name) => name.Length == 0 ? "'' (unnamed)" : name;
}
