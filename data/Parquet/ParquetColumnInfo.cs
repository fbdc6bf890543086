namespace QuantCluster.Data.Parquet;

/// <summary>A flat (non-repeated) leaf column of a file's schema.</summary>
public sealed class ParquetColumnInfo
{
    internal ParquetColumnInfo(
        IReadOnlyList<string> path,
        ParquetPhysicalType physicalType,
        LogicalTypeAnnotation logical,
        int typeLength,
        int maxDefinitionLevel,
        int leafIndex)
    {
        Path = path;
        Name = string.Join('.', path);
        PhysicalType = physicalType;
        LogicalType = logical.Kind;
        TimeUnit = logical.Unit;
        IsAdjustedToUtc = logical.IsAdjustedToUtc;
        TypeLength = typeLength;
        MaxDefinitionLevel = maxDefinitionLevel;
        LeafIndex = leafIndex;
        ValueType = ValueTypeOf(physicalType, logical.Kind);
    }

    /// <summary>The dotted path: a top-level column's own name, or "parent.child" inside a struct.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Path { get; }

    public ParquetPhysicalType PhysicalType { get; }

    public ParquetLogicalType LogicalType { get; }

    /// <summary>For timestamps, the unit stored in the file (values are always read as microseconds).</summary>
    public ParquetTimeUnit? TimeUnit { get; }

    public bool IsAdjustedToUtc { get; }

    /// <summary>True when the column or a struct above it is optional, so rows can be null.</summary>
    public bool IsNullable => MaxDefinitionLevel > 0;

    /// <summary>Bytes per value of a FIXED_LEN_BYTE_ARRAY column, otherwise 0.</summary>
    public int TypeLength { get; }

    /// <summary>The element type of <see cref="ParquetColumn.Values"/> for this column.</summary>
    public Type ValueType { get; }

    internal int MaxDefinitionLevel { get; }

    /// <summary>Position among all leaves, nested ones included: the index of its chunk in a row group.</summary>
    internal int LeafIndex { get; }

    internal bool IsInt64Timestamp => PhysicalType == ParquetPhysicalType.Int64 && LogicalType == ParquetLogicalType.Timestamp;

    public override string ToString() => $"{Name} {ThriftEnumNames.Of(PhysicalType)} {LogicalType}{(IsNullable ? " nullable" : "")}";

    private static Type ValueTypeOf(ParquetPhysicalType physicalType, ParquetLogicalType logical) => physicalType switch
    {
        ParquetPhysicalType.Boolean => typeof(bool),
        ParquetPhysicalType.Int32 => typeof(int),
        ParquetPhysicalType.Int64 or ParquetPhysicalType.Int96 => typeof(long),
        ParquetPhysicalType.Float => typeof(float),
        ParquetPhysicalType.Double => typeof(double),
        ParquetPhysicalType.ByteArray when logical is ParquetLogicalType.String or ParquetLogicalType.Enum or ParquetLogicalType.Json => typeof(string),
        _ => typeof(byte[]),
    };
}
