using QuantCluster.Data.Csv;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data;

/// <summary>Bars from a file of any supported format, chosen by its extension, validated before they are returned.</summary>
public static class BarFiles
{
    public static BarSeries Read(string path, string? symbol = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file {path}.", path);
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => CsvBarReader.Read(path, symbol),
            var other => throw new BarDataException($"{Path.GetFileName(path)}: '{other}' files are not supported; give a .csv file."),
        };
    }
}
