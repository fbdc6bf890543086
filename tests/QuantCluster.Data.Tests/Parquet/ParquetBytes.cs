using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Reads every flat column of a file held in memory, the way a caller would.</summary>
internal static class ParquetBytes
{
    public static void ReadEverything(byte[] bytes)
    {
        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));
        foreach (var column in reader.Schema.Columns)
            reader.ReadColumn(column.Name);
    }

    /// <summary>Runs the action on the thread pool and fails the test if it takes longer than the limit.</summary>
    public static async Task<T> WithinSeconds<T>(int seconds, Func<T> action) =>
        await Task.Run(action).WaitAsync(TimeSpan.FromSeconds(seconds));
}
