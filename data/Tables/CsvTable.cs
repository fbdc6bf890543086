using CsvHelper;
using QuantCluster.Data.Csv;

namespace QuantCluster.Data.Tables;

/// <summary>
/// A CSV file as a flat table: the header row names the columns (as the bar reader reads them:
/// separator detected, fields trimmed), empty fields are null, and each column is typed by
/// <see cref="CsvColumnInference"/> from the rows read.
/// </summary>
internal static class CsvTable
{
    /// <param name="limit">Read only this many data rows; types are then inferred from those rows.</param>
    public static FlatTable Read(string path, IReadOnlyList<string>? columns, int? limit)
    {
        var sourceName = Path.GetFileName(path);
        using var csv = CsvReader.FromFile(path, CsvBarReader.Options(sourceName));
        try
        {
            return Read(csv, sourceName, columns, limit);
        }
        catch (CsvFormatException e)
        {
            throw new BarDataException(sourceName, e.LineNumber > 0 ? (int)e.LineNumber : null, e.Message);
        }
    }

    private static FlatTable Read(CsvReader csv, string sourceName, IReadOnlyList<string>? columns, int? limit)
    {
        if (csv.Headers.Count == 0)
        {
            return columns is { Count: > 0 } ? throw new ArgumentException($"{sourceName} is empty: it has no columns") : new FlatTable([], 0);
        }

        var names = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var picked = ColumnSelection.Resolve(names, columns, sourceName);
        var texts = picked.Select(_ => new List<string?>()).ToArray();
        var rows = 0;
        while ((limit is null || rows < limit) && csv.Read())
        {
            if (csv.FieldCount != names.Length)
            {
                throw new BarDataException(
                    sourceName,
                    (int)csv.LineNumber,
                    $"too {(csv.FieldCount < names.Length ? "few" : "many")} columns: {csv.FieldCount} fields where the header has {names.Length}");
            }

            for (var i = 0; i < picked.Length; i++)
            {
                texts[i].Add(csv.IsEmpty(picked[i]) ? null : csv.GetString(picked[i]));
            }

            rows++;
        }

        var timestamp = BarColumns.FindUnique(names, BarColumns.TimestampAliases);
        var symbol = BarColumns.FindUnique(names, BarColumns.SymbolAliases);
        return new FlatTable(
            [.. picked.Select((column, i) => CsvColumnInference.Infer(names[column], texts[i], column == timestamp, column == symbol))],
            rows);
    }

    /// <summary>Reads the whole file; see <see cref="TableInspection"/> for what is reported.</summary>
    public static TableInspection Inspect(string path)
    {
        var table = Read(path, null, null);
        var names = table.Columns.Select(c => c.Name).ToArray();
        var symbol = BarColumns.FindUnique(names, BarColumns.SymbolAliases) is { } s ? table.Columns[s] : null;
        var timestamp = BarColumns.FindUnique(names, BarColumns.TimestampAliases) is { } t && table.Columns[t].Kind == TableValueKind.Timestamp
            ? table.Columns[t]
            : null;
        var size = new FileInfo(path).Length;
        return new TableInspection(
            "CSV",
            table.RowCount,
            [.. table.Columns.Select(c => new TableColumnSummary(c.Name, c.Type, [], [], c.Nulls?.LongCount(n => n) ?? 0))],
            table.RowCount > 0 ? [new RowGroupSummary(0, table.RowCount, size, size)] : [],
            [],
            symbol?.Name,
            timestamp?.Name,
            SymbolSummaries.Of(symbol, timestamp?.Get<long>(), timestamp?.Nulls, table.RowCount),
            BarColumns.FindUnique(names, BarColumns.VolumeAliases) is { } v ? names[v] : null);
    }
}
