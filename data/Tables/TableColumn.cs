namespace QuantCluster.Data.Tables;

/// <summary>One column of a flat table: its name and type as the file gives them, and its values.</summary>
public sealed class TableColumn
{
    public TableColumn(string name, string type, TableValueKind kind, Array values, bool[]? nulls)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (nulls is not null && nulls.Length != values.Length)
        {
            throw new ArgumentException($"column '{name}' has {values.Length} values but {nulls.Length} null flags", nameof(nulls));
        }

        Name = name;
        Type = type;
        Kind = kind;
        Values = values;
        Nulls = nulls;
    }

    public string Name { get; }

    /// <summary>The type as `quant data inspect` shows it: the Parquet type (TIMESTAMP(NANOS), STRING, DOUBLE ...) or the type inferred for a CSV column.</summary>
    public string Type { get; }

    public TableValueKind Kind { get; }

    /// <summary>The typed array <see cref="TableValueKind"/> describes; a null row holds the type's default.</summary>
    public Array Values { get; }

    /// <summary>True where a row is null; null when no row is.</summary>
    public bool[]? Nulls { get; }

    public int Count => Values.Length;

    public bool IsNull(int row) => Nulls is not null && Nulls[row];

    public T[] Get<T>() => Values as T[]
        ?? throw new InvalidOperationException($"column '{Name}' holds {Values.GetType().GetElementType()?.Name} values, not {typeof(T).Name}");

    /// <summary>The first <paramref name="rows"/> rows as a new column.</summary>
    public TableColumn Head(int rows)
    {
        if (rows >= Count)
        {
            return this;
        }

        var values = Array.CreateInstance(Values.GetType().GetElementType()!, rows);
        Array.Copy(Values, values, rows);
        return new TableColumn(Name, Type, Kind, values, Nulls?[..rows]);
    }
}
