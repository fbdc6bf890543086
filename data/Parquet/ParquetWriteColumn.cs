namespace QuantCluster.Data.Parquet;

/// <summary>
/// A column to write. A column with a null mask is written as optional (nullable), one
/// without as required.
/// </summary>
public sealed class ParquetWriteColumn
{
    private ParquetWriteColumn(string name, ParquetWriteKind kind, Array values, bool[]? nulls)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (nulls is not null && nulls.Length != values.Length)
            throw new ArgumentException($"column '{name}' has {values.Length} values but {nulls.Length} null flags", nameof(nulls));
        Name = name;
        Kind = kind;
        Values = values;
        Nulls = nulls;
    }

    public string Name { get; }

    public Array Values { get; }

    /// <summary>True where a row is null; the value in that row is ignored.</summary>
    public bool[]? Nulls { get; }

    public bool IsOptional => Nulls is not null;

    public int Count => Values.Length;

    internal ParquetWriteKind Kind { get; }

    /// <summary>INT64 TIMESTAMP(MICROS, isAdjustedToUTC) from UTC microseconds since the epoch.</summary>
    public static ParquetWriteColumn Timestamp(string name, long[] utcMicros, bool[]? nulls = null) =>
        new(name, ParquetWriteKind.TimestampMicros, utcMicros, nulls);

    /// <summary>DOUBLE, PLAIN or BYTE_STREAM_SPLIT as <see cref="ParquetWriterOptions.DoubleEncoding"/> says.</summary>
    public static ParquetWriteColumn Double(string name, double[] values, bool[]? nulls = null) =>
        new(name, ParquetWriteKind.Double, values, nulls);

    public static ParquetWriteColumn Int64(string name, long[] values, bool[]? nulls = null) =>
        new(name, ParquetWriteKind.Int64, values, nulls);

    /// <summary>STRING (UTF-8), dictionary-encoded. A null string must be a null row.</summary>
    public static ParquetWriteColumn String(string name, string?[] values, bool[]? nulls = null)
    {
        for (var row = 0; row < values.Length; row++)
        {
            if (values[row] is null && (nulls is null || row >= nulls.Length || !nulls[row]))
                throw new ArgumentException($"column '{name}' has a null string in row {row}, which is not marked null", nameof(values));
        }

        return new(name, ParquetWriteKind.String, values, nulls);
    }

    internal bool IsNull(int row) => Nulls is not null && Nulls[row];
}
