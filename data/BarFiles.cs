using System.Text;
using QuantCluster.Data.Csv;
using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tables;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data;

/// <summary>
/// Bars in a file of any supported format (.csv or .txt, .parquet), chosen by its extension:
/// read and validated, or written whole.
/// </summary>
public static class BarFiles
{
    public static BarSeries Read(string path, string? symbol = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        return FormatOf(path) switch
        {
            BarFileFormat.Csv => CsvBarReader.Read(path, symbol),
            _ => ParquetBarReader.Read(path, symbol),
        };
    }

    /// <summary>
    /// Writes the bars to a temporary file beside <paramref name="path"/>, then renames it, so a
    /// failure part-way leaves no half-written file. CSV gets the header
    /// ts,symbol,open,high,low,close,volume with ISO-8601 UTC timestamps and round-trip doubles;
    /// Parquet is written by <see cref="ParquetBarWriter"/>.
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> exists and <paramref name="overwrite"/> is false.</exception>
    public static void Write(string path, BarSeries bars, bool overwrite = false) => Write(path, bars, FormatOf(path), overwrite);

    /// <summary>The same, in the format given rather than the one the extension names.</summary>
    public static void Write(string path, BarSeries bars, BarFileFormat format, bool overwrite = false)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new IOException($"{path} already exists.");
        }

        var full = Path.GetFullPath(path);
        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new DirectoryNotFoundException($"There is no folder {Path.GetDirectoryName(full)} to write {Path.GetFileName(full)} in.");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (format == BarFileFormat.Csv)
            {
                using var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16);
                TableCsvWriter.Write(writer, BarTable.Of(bars));
            }
            else
            {
                ParquetBarWriter.Write(temporary, bars);
            }

            File.Move(temporary, full, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static BarFileFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => BarFileFormat.Csv,
        ".parquet" => BarFileFormat.Parquet,
        var other => throw new BarDataException($"{Path.GetFileName(path)}: '{other}' files are not supported; give a .csv or .parquet file."),
    };
}
