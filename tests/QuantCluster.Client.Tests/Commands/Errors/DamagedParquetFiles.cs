using System.Buffers.Binary;
using System.Text;
using QuantCluster.Data;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Errors;

/// <summary>
/// Damaged copies of two real bar files, GOOG.csv written as Parquet by our writer (which keeps
/// page checksums) and by DuckDB (which does not): truncated at several offsets, bytes flipped in
/// the footer and in the pages, a footer length past the file, and files that were never
/// Parquet. Written once per test class into a temp folder deleted afterwards.
/// </summary>
public sealed class DamagedParquetFiles : IDisposable
{
    private readonly TempDirectory _directory = new();

    public DamagedParquetFiles()
    {
        var ours = _directory.File("ours.parquet");
        BarFiles.Write(ours, BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv")));
        var duckDb = _directory.File("duckdb.parquet");
        DuckDbReference.Query($"COPY (SELECT column0 AS date, * EXCLUDE (column0) FROM read_csv('{RepositoryPaths.MarketFile("GOOG.csv")}')) TO '{duckDb}' (FORMAT parquet)");
        foreach (var (writer, good) in new[] { ("ours", File.ReadAllBytes(ours)), ("duckdb", File.ReadAllBytes(duckDb)) })
        {
            foreach (var (damage, corrupt) in Damages)
            {
                File.WriteAllBytes(Path(writer, damage), corrupt(good));
            }
        }
    }

    /// <summary>Every damage, by a name that is also the file's name.</summary>
    public static IReadOnlyList<(string Name, Func<byte[], byte[]> Corrupt)> Damages { get; } =
    [
        ("zero-bytes", _ => []),
        ("csv-text", _ => Encoding.UTF8.GetBytes("ts,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n")),
        ("truncated-to-10-percent", f => f[..(f.Length / 10)]),
        ("truncated-to-half", f => f[..(f.Length / 2)]),
        ("truncated-to-99-percent", f => f[..(f.Length * 99 / 100)]),
        ("truncated-by-one-byte", f => f[..^1]),
        ("truncated-by-the-magic", f => f[..^4]),
        ("footer-start-flipped", f => Flip(f, FooterStart(f), 1)),
        ("footer-middle-flipped", f => Flip(f, FooterStart(f) + (FooterLength(f) / 2), 4)),
        ("footer-end-flipped", f => Flip(f, f.Length - 9, 1)),
        ("footer-length-past-the-file", f => WithFooterLength(f, f.Length + 100)),
        ("footer-length-negative", f => WithFooterLength(f, -7)),
        ("first-page-header-flipped", f => Flip(f, 4, 4)),
        ("page-bytes-flipped-at-a-third", f => Flip(f, FooterStart(f) / 3, 16)),
        ("page-bytes-flipped-at-two-thirds", f => Flip(f, FooterStart(f) * 2 / 3, 16)),
    ];

    public static IReadOnlyList<string> Writers { get; } = ["ours", "duckdb"];

    public string Path(string writer, string damage) => _directory.File($"{writer}-{damage}.parquet");

    /// <summary>A folder of its own, for files a command is asked to write.</summary>
    public string OutputFolder(string name)
    {
        var folder = _directory.File(name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose() => _directory.Dispose();

    private static int FooterLength(byte[] file) => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));

    private static int FooterStart(byte[] file) => file.Length - 8 - FooterLength(file);

    private static byte[] Flip(byte[] file, int offset, int count)
    {
        var copy = (byte[])file.Clone();
        for (var i = offset; i < offset + count; i++)
        {
            copy[i] ^= 0xA5;
        }

        return copy;
    }

    private static byte[] WithFooterLength(byte[] file, int length)
    {
        var copy = (byte[])file.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(file.Length - 8), length);
        return copy;
    }
}
