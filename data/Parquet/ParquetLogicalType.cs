namespace QuantCluster.Data.Parquet;

/// <summary>
/// How a column's physical values are meant to be read, from the logicalType annotation or the
/// legacy converted_type (ParquetSharp maps the latter to the former). Only String, Date and
/// Timestamp change the values the reader returns.
/// </summary>
public enum ParquetLogicalType
{
    None,
    String,
    Date,
    Timestamp,
    Time,
    Decimal,
    Integer,
    Json,
    Enum,
    Uuid,
    Float16,
    Other,
}
