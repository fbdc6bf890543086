using QuantCluster.Data.Csv;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Tests.Csv;

/// <summary>A CSV file with the given name and lines in a directory of its own, deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string _directory;

    public TempCsv(string fileName, IEnumerable<string> lines)
    {
        _directory = Directory.CreateTempSubdirectory("quantcluster-csv-").FullName;
        FilePath = Path.Combine(_directory, fileName);
        File.WriteAllText(FilePath, string.Join('\n', lines) + "\n");
    }

    public string FilePath { get; }

    /// <summary>Writes the lines to a file and reads it back with <see cref="CsvBarReader"/>.</summary>
    public static BarSeries Read(string[] lines, string? symbol = null, string fileName = "bars.csv")
    {
        using var csv = new TempCsv(fileName, lines);
        return CsvBarReader.Read(csv.FilePath, symbol);
    }

    /// <summary>Writes the lines to a file and returns why <see cref="CsvBarReader"/> refuses it.</summary>
    public static BarDataException Refusal(string[] lines, string? symbol = null, string fileName = "bars.csv")
    {
        using var csv = new TempCsv(fileName, lines);
        return Assert.Throws<BarDataException>(() => CsvBarReader.Read(csv.FilePath, symbol));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
