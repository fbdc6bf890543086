namespace QuantCluster.Data.Tables;

/// <summary>How a <see cref="TableColumn"/> holds its values, which decides how they print.</summary>
public enum TableValueKind
{
    /// <summary>bool[].</summary>
    Boolean,

    /// <summary>int[].</summary>
    Int32,

    /// <summary>long[].</summary>
    Int64,

    /// <summary>float[].</summary>
    Float,

    /// <summary>double[].</summary>
    Double,

    /// <summary>string[] (UTF-8 text).</summary>
    String,

    /// <summary>byte[][] (bytes that are not declared text).</summary>
    Binary,

    /// <summary>long[] of UTC microseconds since the Unix epoch, whatever the file's unit.</summary>
    Timestamp,

    /// <summary>int[] of days since 1970-01-01.</summary>
    Date,

    /// <summary>long[] of microseconds since midnight.</summary>
    Time,

    /// <summary>Values this code cannot print faithfully (DECIMAL, whose scale the reader does not keep; FLOAT16).</summary>
    Unsupported,
}
