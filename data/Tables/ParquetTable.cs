using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tables;

/// <summary>
/// A Parquet file as a flat table: its flat columns (struct fields as "parent.child") with the
/// file's own types. Only the columns asked for are read, and with a row limit only the row
/// groups that hold those rows.
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
            [.. picked.Select(i => ParquetColumnTypes.ToTableColumn(file.ReadColumn(flat[i].Name, groups)).Head(count))],
            count);
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
        var columns = flat.Select(c => new TableColumnSummary(
                c.Name,
                ParquetColumnTypes.NameOf(c),
                [.. chunks.Where(k => k.ColumnName == c.Name).Select(k => ThriftEnumNames.Of(k.Codec)).Distinct()],
                [.. chunks.Where(k => k.ColumnName == c.Name).SelectMany(k => k.Encodings).Select(ThriftEnumNames.Of).Distinct()]))
            .Concat(file.Schema.NestedColumns.Select(n => new TableColumnSummary(n, "NESTED", [], [])));
        return new TableInspection(
            "Parquet",
            file.RowCount,
            [.. columns],
            [.. file.RowGroups.Select(g => new RowGroupSummary(g.Index, g.RowCount, g.Columns.Sum(c => c.CompressedSize), g.Columns.Sum(c => c.UncompressedSize)))],
            [.. chunks.Select(k => ThriftEnumNames.Of(k.Codec)).Distinct()],
            symbol?.Name,
            times is null ? null : timestamp!.Name,
            SymbolSummaries.Of(symbol, times, timestamp?.Nulls, (int)file.RowCount));
    }
}
