namespace QuantCluster.Data.Parquet;

/// <summary>
/// The values of one column, in a typed array: bool[], int[], long[] (INT64, and every timestamp
/// as UTC microseconds), float[], double[], string[] (text) or byte[][] (binary).
/// </summary>
public sealed class ParquetColumn
{
    internal ParquetColumn(ParquetColumnInfo info, Array values, bool[]? nulls)
    {
        Info = info;
        Values = values;
        Nulls = nulls;
    }

    public ParquetColumnInfo Info { get; }

    public int Count => Values.Length;

    /// <summary>The typed array; a null row holds the type's default value.</summary>
    public Array Values { get; }

    /// <summary>True where a row is null; null when no row is.</summary>
    public bool[]? Nulls { get; }

    public bool IsNull(int row) => Nulls is not null && Nulls[row];

    /// <summary>The values as T[], for example <c>GetValues&lt;double&gt;()</c>.</summary>
    public T[] GetValues<T>() => Values as T[]
        ?? throw new InvalidOperationException($"column '{Info.Name}' holds {Info.ValueType.Name} values, not {typeof(T).Name}");
}
