using System.Numerics;
using QuantCluster.Data.Csv;
using QuantCluster.Data.Tables;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// The rows of the chosen row groups that become bars: all of them until the symbol or the time
/// range drops some. Columns are checked for nulls on the kept rows only, and gathered into bar
/// arrays; when every row is kept, a column already of the right type is used without a copy.
/// </summary>
internal sealed class ParquetBarRows(string sourceName, BarRowGroups groups)
{
    private bool[]? _dropped;
    private int[]? _kept;

    /// <summary>Rows read.</summary>
    public int Count { get; } = checked((int)groups.RowCount);

    public int KeptCount { get; private set; } = checked((int)groups.RowCount);

    /// <summary>Keeps the rows of the wanted symbol (or the only one); returns it as the file spells it.</summary>
    public string? KeepSymbol(TableColumn column, string? wanted)
    {
        var symbols = column.Get<string>();
        var selection = new SymbolSelection(wanted);
        string? accepted = null, rejected = null;
        for (var row = 0; row < symbols.Length; row++)
        {
            if (column.IsNull(row))
            {
                throw Null(row, "symbol", column);
            }

            // Symbols decoded from a dictionary share one string each, so most rows compare by reference.
            var symbol = symbols[row];
            if (ReferenceEquals(symbol, accepted))
            {
                continue;
            }

            if (!ReferenceEquals(symbol, rejected) && selection.Accepts(symbol))
            {
                accepted = symbol;
                continue;
            }

            rejected = symbol;
            Drop(row);
        }

        selection.EnsureOneSymbol(sourceName);
        return selection.Chosen;
    }

    /// <summary>As <see cref="KeepSymbol"/> for rows known to hold one symbol: all of them, or none when another is wanted.</summary>
    public string? KeepOnly(string only, string? wanted)
    {
        var selection = new SymbolSelection(wanted);
        if (!selection.Accepts(only))
        {
            for (var row = 0; row < Count; row++)
            {
                Drop(row);
            }
        }

        selection.EnsureOneSymbol(sourceName);
        return selection.Chosen;
    }

    /// <summary>UTC microseconds of every row read; rows outside [from, to] are dropped.</summary>
    public long[] Timestamps(TableColumn column, long from, long to)
    {
        CheckNulls(column, "timestamp");
        var timestamps = TimestampValues.ToMicroseconds(column, (row, reason) => BarDataException.AtRow(sourceName, groups.FileRow(row), reason));
        if (from != long.MinValue || to != long.MaxValue)
        {
            for (var row = 0; row < timestamps.Length; row++)
            {
                if ((timestamps[row] < from || timestamps[row] > to) && !IsDropped(row))
                {
                    Drop(row);
                }
            }
        }

        return timestamps;
    }

    /// <summary>A price or volume column of the kept rows as doubles.</summary>
    public double[] Numbers(TableColumn column, string field)
    {
        CheckNulls(column, field);
        return column.Values switch
        {
            double[] doubles => Gather(doubles),
            float[] floats => Convert(floats),
            int[] ints => Convert(ints),
            long[] longs => Convert(longs),
            _ => throw new InvalidOperationException($"column '{column.Name}' holds {column.Values.GetType().Name}"),
        };
    }

    /// <summary>The volume column of the kept rows as doubles, NaN where a row has none.</summary>
    public double[] Volumes(TableColumn column)
    {
        var volumes = Numbers(column.Nulls is null ? column : new TableColumn(column.Name, column.Type, column.Kind, column.Values, null), "volume");
        if (column.Nulls is { } nulls)
        {
            var kept = _dropped is null ? null : Kept();
            for (var i = 0; i < volumes.Length; i++)
            {
                if (nulls[kept is null ? i : kept[i]])
                {
                    volumes[i] = double.NaN;
                }
            }
        }

        return volumes;
    }

    /// <summary>Volumes for a file without a volume column: none known.</summary>
    public double[] NoVolumes()
    {
        var volumes = new double[KeptCount];
        Array.Fill(volumes, double.NaN);
        return volumes;
    }

    /// <summary>The kept rows of a column of every row read.</summary>
    public T[] Gather<T>(T[] values)
    {
        if (_dropped is null)
        {
            return values;
        }

        var kept = Kept();
        var result = new T[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            result[i] = values[kept[i]];
        }

        return result;
    }

    /// <summary>The 1-based file row of a kept row (0-based among the kept rows).</summary>
    public int FileRowOfKept(int keptRow) => groups.FileRow(_dropped is null ? keptRow : Kept()[keptRow]);

    // Generic math rather than a delegate: the JIT compiles one loop per type, with no call per value.
    private double[] Convert<T>(T[] values)
        where T : INumberBase<T>
    {
        var kept = _dropped is null ? null : Kept();
        var result = new double[KeptCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = double.CreateTruncating(values[kept is null ? i : kept[i]]);
        }

        return result;
    }

    private void CheckNulls(TableColumn column, string field)
    {
        if (column.Nulls is not { } nulls)
        {
            return;
        }

        for (var row = Array.IndexOf(nulls, true); row >= 0; row = Array.IndexOf(nulls, true, row + 1))
        {
            if (!IsDropped(row))
            {
                throw Null(row, field, column);
            }
        }
    }

    private BarDataException Null(int row, string field, TableColumn column) =>
        BarDataException.AtRow(sourceName, groups.FileRow(row), $"{field} is null (column '{column.Name}')");

    private bool IsDropped(int row) => _dropped is not null && _dropped[row];

    private void Drop(int row)
    {
        _dropped ??= new bool[Count];
        _dropped[row] = true;
        KeptCount--;
        _kept = null;
    }

    private int[] Kept()
    {
        if (_kept is null)
        {
            _kept = new int[KeptCount];
            var next = 0;
            for (var row = 0; row < Count; row++)
            {
                if (!_dropped![row])
                {
                    _kept[next++] = row;
                }
            }
        }

        return _kept;
    }
}
