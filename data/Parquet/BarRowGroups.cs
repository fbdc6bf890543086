using QuantCluster.Data.Csv;
using QuantCluster.Data.Tables;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// The row groups a bar read needs: all of them, or for a time range only those whose timestamp
/// statistics may overlap it. Each row of what is read keeps its 1-based row number in the file,
/// for messages.
/// </summary>
internal sealed class BarRowGroups
{
    private readonly long[] _fileStart;
    private readonly long[] _readStart;

    private BarRowGroups(ParquetFileReader file, IReadOnlyList<int> indices)
    {
        Indices = indices;
        var starts = new long[file.RowGroups.Count];
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] = starts[i - 1] + file.RowGroups[i - 1].RowCount;
        }

        _fileStart = [.. indices.Select(i => starts[i])];
        RowCount = indices.Sum(i => file.RowGroups[i].RowCount);
        _readStart = new long[indices.Count];
        for (var i = 1; i < indices.Count; i++)
        {
            _readStart[i] = _readStart[i - 1] + file.RowGroups[indices[i - 1]].RowCount;
        }
    }

    public IReadOnlyList<int> Indices { get; }

    /// <summary>The rows of the chosen row groups.</summary>
    public long RowCount { get; }

    /// <param name="from">UTC microseconds, inclusive; long.MinValue for no lower bound.</param>
    /// <param name="to">UTC microseconds, inclusive; long.MaxValue for no upper bound.</param>
    public static BarRowGroups Select(ParquetFileReader file, ParquetColumnInfo timestamp, long from, long to)
    {
        var all = Enumerable.Range(0, file.RowGroups.Count).ToArray();
        if (from == long.MinValue && to == long.MaxValue)
        {
            return new BarRowGroups(file, all);
        }

        if (ParquetColumnTypes.KindOf(timestamp) == TableValueKind.Timestamp)
        {
            return new BarRowGroups(file, file.RowGroupsOverlapping(timestamp.Name, from, to));
        }

        return new BarRowGroups(file, [.. all.Where(g => MayOverlap(file.RowGroups[g].Column(timestamp.Name).Statistics, timestamp, from, to))]);
    }

    /// <summary>
    /// The one symbol of the chosen row groups when their statistics prove it (minimum equal to
    /// maximum, no nulls, the same in every group), so the symbol column need not be read; else null.
    /// </summary>
    public string? OnlySymbol(ParquetFileReader file, ParquetColumnInfo symbol)
    {
        string? only = null;
        foreach (var index in Indices)
        {
            if (file.RowGroups[index].Column(symbol.Name).Statistics is not { Min: string min, Max: string max, NullCount: 0 }
                || min != max || (only is not null && only != min))
            {
                return null;
            }

            only = min;
        }

        return only;
    }

    /// <summary>The 1-based file row of a row of the read columns.</summary>
    public int FileRow(int readRow)
    {
        var group = Array.BinarySearch(_readStart, (long)readRow);
        group = group >= 0 ? group : ~group - 1;
        return (int)(_fileStart[group] + (readRow - _readStart[group]) + 1);
    }

    /// <summary>Dates and integer epoch numbers keep their order as microseconds, so their min and max bound the group.</summary>
    private static bool MayOverlap(ParquetColumnStatistics? statistics, ParquetColumnInfo column, long from, long to)
    {
        (long Min, long Max)? range = (ParquetColumnTypes.KindOf(column), statistics?.Min, statistics?.Max) switch
        {
            (TableValueKind.Date, int min, int max) => (min * 86_400_000_000L, max * 86_400_000_000L),
            (TableValueKind.Int32, int min, int max) when EpochTimestamp.SameUnit(min, max) => (EpochTimestamp.Microseconds(min), EpochTimestamp.Microseconds(max)),
            (TableValueKind.Int64, long min, long max) when EpochTimestamp.SameUnit(min, max) => (EpochTimestamp.Microseconds(min), EpochTimestamp.Microseconds(max)),
            _ => null,
        };
        return range is not { } r || (r.Max >= from && r.Min <= to);
    }
}
