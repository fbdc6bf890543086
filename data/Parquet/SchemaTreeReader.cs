namespace QuantCluster.Data.Parquet;

/// <summary>
/// Turns the footer's depth-first element list into leaf columns, working out each leaf's
/// definition level and whether a repeated field lies on its path.
/// </summary>
internal static class SchemaTreeReader
{
    private const int MaxDepth = 100;

    public static ParquetSchema Build(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0)
            throw new ParquetFormatException("footer has an empty schema");
        var columns = new List<ParquetColumnInfo>();
        var nested = new List<string>();
        var next = 1;
        var leaves = 0;
        var root = elements[0];
        if (root.NumChildren < 0)
            throw new ParquetFormatException($"schema root has {root.NumChildren} children");
        for (var i = 0; i < root.NumChildren; i++)
            next = Walk(elements, next, [], 0, false, 1, columns, nested, ref leaves);
        if (next != elements.Count)
            throw new ParquetFormatException($"schema lists {elements.Count} elements but its tree holds {next}");
        return new ParquetSchema(columns, nested, leaves);
    }

    private static int Walk(
        IReadOnlyList<SchemaElement> elements,
        int index,
        List<string> parentPath,
        int parentDefinition,
        bool underRepeated,
        int depth,
        List<ParquetColumnInfo> columns,
        List<string> nested,
        ref int leaves)
    {
        if (index >= elements.Count)
            throw new ParquetFormatException($"schema element {index} is missing: num_children counts more elements than the footer lists");
        if (depth > MaxDepth)
            throw new ParquetFormatException($"schema nests deeper than {MaxDepth} levels");
        var element = elements[index];
        if (element.NumChildren < 0)
            throw new ParquetFormatException($"schema element '{element.Name}' has {element.NumChildren} children");
        var path = new List<string>(parentPath) { element.Name };
        var definition = parentDefinition + (element.RepetitionType is SchemaElement.Optional or SchemaElement.Repeated ? 1 : 0);
        var repeated = underRepeated || element.RepetitionType == SchemaElement.Repeated;
        if (element.NumChildren > 0)
        {
            var next = index + 1;
            for (var i = 0; i < element.NumChildren; i++)
                next = Walk(elements, next, path, definition, repeated, depth + 1, columns, nested, ref leaves);
            return next;
        }

        if (element.Type is not { } physical)
            return index + 1;
        if (physical is < ParquetPhysicalType.Boolean or > ParquetPhysicalType.FixedLenByteArray)
            throw new ParquetFormatException($"column '{string.Join('.', path)}' has unknown physical type code {(int)physical}");
        var leafIndex = leaves++;
        if (repeated)
        {
            nested.Add(string.Join('.', path));
            return index + 1;
        }

        var typeLength = element.TypeLength ?? 0;
        if (physical == ParquetPhysicalType.FixedLenByteArray && typeLength <= 0)
            throw new ParquetFormatException($"FIXED_LEN_BYTE_ARRAY column '{string.Join('.', path)}' has type length {typeLength}");
        columns.Add(new ParquetColumnInfo(path, physical, LogicalOf(element, physical), typeLength, definition, leafIndex));
        return index + 1;
    }

    private static LogicalTypeAnnotation LogicalOf(SchemaElement element, ParquetPhysicalType physical)
    {
        var logical = element.LogicalType
            ?? (element.ConvertedType is { } converted
                ? LogicalTypeAnnotation.FromConvertedType(converted)
                : new LogicalTypeAnnotation(ParquetLogicalType.None, null, false));
        if (physical == ParquetPhysicalType.Int96)
            return new LogicalTypeAnnotation(ParquetLogicalType.Timestamp, ParquetTimeUnit.Nanos, false);
        var fits = logical.Kind switch
        {
            ParquetLogicalType.Timestamp => physical == ParquetPhysicalType.Int64 && logical.Unit is not null,
            ParquetLogicalType.Date => physical == ParquetPhysicalType.Int32,
            ParquetLogicalType.String or ParquetLogicalType.Enum or ParquetLogicalType.Json => physical == ParquetPhysicalType.ByteArray,
            _ => true,
        };
        return fits ? logical : new LogicalTypeAnnotation(ParquetLogicalType.Other, null, false);
    }
}
