using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tables;

/// <summary>
/// A Parquet file as a flat table: its flat columns (struct fields as "parent.child") with the
/// file's own types. Only the columns asked for are read, and with a row limit only the row
/// groups that hold those rows. Asked for every column, it leaves out those it cannot read
/// (nested ones, and types it does not map, such as FLOAT16) and names them, so the rest still print.
/// </summary>
internal static class ParquetTable
{
    public static FlatTable Read(ParquetFileReader file, string sourceName, IReadOnlyList<string>? columns, int? limit)
    {
        var flat = file.Schema.Columns;
        if (columns?.FirstOrDefault(file.Schema.IsNested) is { } nested)
        {
            throw new ArgumentException($"{sourceName}: column '{nested}' is nested (under a list, map or repeated field); only flat columns can be printed");
        }

        var picked = ColumnSelection.Resolve([.. flat.Select(c => c.Name)], columns, sourceName);
        // A column asked for by name is read whatever its type (the CSV writer then refuses what it cannot print).
        var readable = columns is not null ? picked : [.. picked.Where(i => ParquetColumnTypes.KindOf(flat[i]) != TableValueKind.Unsupported)];
        var unread = picked.Except(readable).Select(i => $"{flat[i].Name} ({ParquetColumnTypes.NameOf(flat[i])})")
            .Concat(columns is null ? file.Schema.NestedColumns.Select(n => $"{n} (NESTED)") : []);
        var groups = new List<int>();
        long rows = 0;
        foreach (var group in file.RowGroups)
        {
            if (limit is { } wanted && rows >= wanted)
            {
                break;
            }

            groups.Add(group.Index);
            rows += group.RowCount;
        }

        var count = (int)Math.Min(rows, limit ?? long.MaxValue);
        return new FlatTable(
            [.. readable.Select(i => ParquetColumnTypes.ToTableColumn(file.ReadColumn(flat[i].Name, groups)).Head(count))],
            count,
            [.. unread]);
    }

    public static TableInspection Inspect(ParquetFileReader file)
    {
        var flat = file.Schema.Columns;
        var names = flat.Select(c => c.Name).ToArray();
        var symbol = BarColumns.FindUnique(names, BarColumns.SymbolAliases) is { } s && ParquetColumnTypes.KindOf(flat[s]) == TableValueKind.String
            ? ParquetColumnTypes.ToTableColumn(file.ReadColumn(names[s]))
            : null;
        var timestamp = BarColumns.FindUnique(names, BarColumns.TimestampAliases) is { } t && TimestampValues.CanHoldTimes(ParquetColumnTypes.KindOf(flat[t]))
            ? ParquetColumnTypes.ToTableColumn(file.ReadColumn(names[t]))
            : null;
        var times = TableTimes.Of(timestamp);
        var chunks = file.RowGroups.SelectMany(g => g.Columns).ToArray();
        var columns = flat.Select(c =>
            {
                var own = chunks.Where(k => k.ColumnName == c.Name).ToArray();
                return new TableColumnSummary(
                    c.Name,
                    ParquetColumnTypes.NameOf(c),
                    [.. own.Select(k => ParquetNames.Of(k.Codec)).Distinct()],
                    [.. own.SelectMany(k => k.Encodings).Select(ParquetNames.Of).Distinct()],
                    !c.IsNullable ? 0 : own.All(k => k.Statistics?.NullCount is not null) ? own.Sum(k => k.Statistics!.NullCount!.Value) : null);
            })
            .Concat(file.Schema.NestedColumns.Select(n => new TableColumnSummary(n, "NESTED", [], [], null)));
        return new TableInspection(
            "Parquet",
            file.RowCount,
            [.. columns],
            [.. file.RowGroups.Select(g => new RowGroupSummary(g.Index, g.RowCount, g.Columns.Sum(c => c.CompressedSize), g.Columns.Sum(c => c.UncompressedSize)))],
            [.. chunks.Select(k => ParquetNames.Of(k.Codec)).Distinct()],
            symbol?.Name,
            times is null ? null : timestamp!.Name,
            SymbolSummaries.Of(symbol, times, timestamp?.Nulls, (int)file.RowCount),
            BarColumns.FindUnique(names, BarColumns.VolumeAliases) is { } v ? names[v] : null);
    }
}
