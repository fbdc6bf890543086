using System.Globalization;
using System.Text;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Renders our columns in parquet-dump.mjs's format, so values compare as exact strings.</summary>
public static class ColumnRendering
{
    public static string?[] Render(ParquetColumn column)
    {
        var rendered = new string?[column.Count];
        for (var row = 0; row < column.Count; row++)
            rendered[row] = column.IsNull(row) ? null : Render(column.Values.GetValue(row)!);
        return rendered;
    }

    public static string Render(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        float f => BitConverter.SingleToUInt32Bits(f).ToString("x8", CultureInfo.InvariantCulture),
        double d => BitConverter.DoubleToUInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
        string s => s,
        byte[] bytes => Convert.ToHexStringLower(bytes),
        _ => throw new ArgumentException($"no rendering for {value.GetType()}", nameof(value)),
    };

    /// <summary>The DuckDB type our reading of a column corresponds to, as a coarse family.</summary>
    public static string FamilyOf(ParquetColumnInfo column) => column.LogicalType switch
    {
        ParquetLogicalType.Timestamp => "timestamp",
        ParquetLogicalType.Date => "date",
        _ => column.ValueType.Name,
    };

    public static string FamilyOf(string duckType) => duckType switch
    {
        "BOOLEAN" => nameof(Boolean),
        "TINYINT" or "SMALLINT" or "INTEGER" => nameof(Int32),
        "BIGINT" => nameof(Int64),
        "FLOAT" => nameof(Single),
        "DOUBLE" => nameof(Double),
        "VARCHAR" => nameof(String),
        "BLOB" => "Byte[]",
        "DATE" => "date",
        _ when duckType.StartsWith("TIMESTAMP", StringComparison.Ordinal) => "timestamp",
        _ => duckType,
    };

    /// <summary>A readable list of the rows where two renderings differ.</summary>
    public static string Differences(IReadOnlyList<string?> expected, IReadOnlyList<string?> actual)
    {
        var text = new StringBuilder();
        for (var row = 0; row < Math.Min(expected.Count, actual.Count); row++)
        {
            if (expected[row] != actual[row])
                text.Append(CultureInfo.InvariantCulture, $"row {row}: DuckDB {expected[row] ?? "null"}, ours {actual[row] ?? "null"}; ");
        }

        if (expected.Count != actual.Count)
            text.Append(CultureInfo.InvariantCulture, $"DuckDB has {expected.Count} rows, ours {actual.Count}");
        return text.ToString();
    }
}
