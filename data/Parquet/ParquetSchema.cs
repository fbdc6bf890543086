using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// A file's columns. Flat columns (no repeated field on their path, structs allowed) can be read;
/// leaves under a list, map or repeated field are named in <see cref="NestedColumns"/> only.
/// </summary>
public sealed class ParquetSchema
{
    private readonly Dictionary<string, ParquetColumnInfo> _byName;

    internal ParquetSchema(IReadOnlyList<ParquetColumnInfo> columns, IReadOnlyList<string> nestedColumns, int leafCount)
    {
        Columns = columns;
        NestedColumns = nestedColumns;
        LeafCount = leafCount;
        _byName = new Dictionary<string, ParquetColumnInfo>(StringComparer.Ordinal);
        foreach (var column in columns)
            _byName.TryAdd(column.Name, column);
    }

    public IReadOnlyList<ParquetColumnInfo> Columns { get; }

    /// <summary>The file's leaves, in order: a leaf with a repeated field on its path is nested, any other is flat.</summary>
    internal static ParquetSchema Of(SchemaDescriptor schema)
    {
        var columns = new List<ParquetColumnInfo>();
        var nested = new List<string>();
        for (var leaf = 0; leaf < schema.NumColumns; leaf++)
        {
            var descriptor = schema.Column(leaf);
            if (descriptor.MaxRepetitionLevel > 0)
            {
                using var path = descriptor.Path;
                nested.Add(path.ToDotString());
            }
            else
            {
                columns.Add(new ParquetColumnInfo(descriptor, leaf));
            }
        }

        return new ParquetSchema(columns, nested, schema.NumColumns);
    }

    /// <summary>Dotted paths of leaves under a repeated field, which the reader does not read.</summary>
    public IReadOnlyList<string> NestedColumns { get; }

    internal int LeafCount { get; }

    public ParquetColumnInfo? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>True when <paramref name="name"/> is a nested leaf or a group holding one.</summary>
    public bool IsNested(string name) =>
        NestedColumns.Any(n => n == name || n.StartsWith(name + ".", StringComparison.Ordinal));
}
