using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tables;

/// <summary>
/// Any flat table file, Parquet or CSV (chosen by extension), read as columns with their own
/// names and types, or described without reading its values. A file that cannot be read as a
/// table gives an <see cref="InvalidDataException"/> naming it.
/// </summary>
public static class TableFile
{
    /// <param name="columns">The columns to read, in this order; all flat columns when null.</param>
    /// <param name="limit">At most this many rows, from the start.</param>
    public static FlatTable Read(string path, IReadOnlyList<string>? columns = null, int? limit = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit ?? 0, nameof(limit));
        return Open(path, file => ParquetTable.Read(file, Path.GetFileName(path), columns, limit), () => CsvTable.Read(path, columns, limit));
    }

    public static TableInspection Inspect(string path) => Open(path, ParquetTable.Inspect, () => CsvTable.Inspect(path));

    private static T Open<T>(string path, Func<ParquetFileReader, T> parquet, Func<T> csv)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".parquet":
                try
                {
                    using var file = ParquetFileReader.Open(path);
                    return parquet(file);
                }
                catch (ParquetFormatException e)
                {
                    throw new InvalidDataException($"{Path.GetFileName(path)}: {e.Message}", e);
                }

            case ".csv" or ".txt":
                return csv();
            case var other:
                throw new ArgumentException($"{Path.GetFileName(path)}: '{other}' files are not supported; give a .csv or .parquet file.");
        }
    }
}
