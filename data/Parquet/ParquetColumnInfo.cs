using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>A flat (non-repeated) leaf column of a file's schema.</summary>
public sealed class ParquetColumnInfo
{
    internal ParquetColumnInfo(ColumnDescriptor descriptor, int leafIndex)
    {
        using var path = descriptor.Path;
        Path = path.ToDotVector();
        Name = string.Join('.', Path);
        PhysicalType = PhysicalTypeOf(descriptor.PhysicalType);
        using var logical = descriptor.LogicalType;
        (LogicalType, TimeUnit, IsAdjustedToUtc) = LogicalTypeOf(logical, PhysicalType);
        TypeLength = PhysicalType == ParquetPhysicalType.FixedLenByteArray ? descriptor.TypeLength : 0;
        MaxDefinitionLevel = descriptor.MaxDefinitionLevel;
        LeafIndex = leafIndex;
        ValueType = ValueTypeOf(PhysicalType, LogicalType);
    }

    /// <summary>The dotted path: a top-level column's own name, or "parent.child" inside a struct.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Path { get; }

    public ParquetPhysicalType PhysicalType { get; }

    public ParquetLogicalType LogicalType { get; }

    /// <summary>For timestamps and times, the unit stored in the file (timestamps are always read as microseconds).</summary>
    public ParquetTimeUnit? TimeUnit { get; }

    public bool IsAdjustedToUtc { get; }

    /// <summary>True when the column or a struct above it is optional, so rows can be null.</summary>
    public bool IsNullable => MaxDefinitionLevel > 0;

    /// <summary>Bytes per value of a FIXED_LEN_BYTE_ARRAY column, otherwise 0.</summary>
    public int TypeLength { get; }

    /// <summary>The element type of <see cref="ParquetColumn.Values"/> for this column.</summary>
    public Type ValueType { get; }

    internal short MaxDefinitionLevel { get; }

    /// <summary>Position among all leaves, nested ones included: the column index ParquetSharp reads by.</summary>
    internal int LeafIndex { get; }

    internal bool IsInt64Timestamp => PhysicalType == ParquetPhysicalType.Int64 && LogicalType == ParquetLogicalType.Timestamp;

    public override string ToString() => $"{Name} {ParquetNames.Of(PhysicalType)} {LogicalType}{(IsNullable ? " nullable" : "")}";

    private static ParquetPhysicalType PhysicalTypeOf(PhysicalType type) => type switch
    {
        ParquetSharp.PhysicalType.Boolean => ParquetPhysicalType.Boolean,
        ParquetSharp.PhysicalType.Int32 => ParquetPhysicalType.Int32,
        ParquetSharp.PhysicalType.Int64 => ParquetPhysicalType.Int64,
        ParquetSharp.PhysicalType.Int96 => ParquetPhysicalType.Int96,
        ParquetSharp.PhysicalType.Float => ParquetPhysicalType.Float,
        ParquetSharp.PhysicalType.Double => ParquetPhysicalType.Double,
        ParquetSharp.PhysicalType.ByteArray => ParquetPhysicalType.ByteArray,
        ParquetSharp.PhysicalType.FixedLenByteArray => ParquetPhysicalType.FixedLenByteArray,
        _ => throw new ParquetFormatException($"unknown physical type {type}"),
    };

    // INT96 carries no annotation, but every writer of it (Impala, Hive, Spark) meant a timestamp.
    private static (ParquetLogicalType Kind, ParquetTimeUnit? Unit, bool Utc) LogicalTypeOf(LogicalType? logical, ParquetPhysicalType physical) => logical switch
    {
        _ when physical == ParquetPhysicalType.Int96 => (ParquetLogicalType.Timestamp, ParquetTimeUnit.Nanos, true),
        StringLogicalType => (ParquetLogicalType.String, null, false),
        EnumLogicalType => (ParquetLogicalType.Enum, null, false),
        JsonLogicalType => (ParquetLogicalType.Json, null, false),
        UuidLogicalType => (ParquetLogicalType.Uuid, null, false),
        DateLogicalType => (ParquetLogicalType.Date, null, false),
        DecimalLogicalType => (ParquetLogicalType.Decimal, null, false),
        IntLogicalType => (ParquetLogicalType.Integer, null, false),
        Float16LogicalType => (ParquetLogicalType.Float16, null, false),
        TimestampLogicalType t => (ParquetLogicalType.Timestamp, UnitOf(t.TimeUnit), t.IsAdjustedToUtc),
        TimeLogicalType t => (ParquetLogicalType.Time, UnitOf(t.TimeUnit), t.IsAdjustedToUtc),
        null or NoneLogicalType => (ParquetLogicalType.None, null, false),
        _ => (ParquetLogicalType.Other, null, false),
    };

    private static ParquetTimeUnit UnitOf(TimeUnit unit) => unit switch
    {
        ParquetSharp.TimeUnit.Millis => ParquetTimeUnit.Millis,
        ParquetSharp.TimeUnit.Nanos => ParquetTimeUnit.Nanos,
        _ => ParquetTimeUnit.Micros,
    };

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
