using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Interop.Tests;

/// <summary>
/// <see cref="BarTable"/> written by our writer with every codec and double encoding into a temp
/// folder, with what DuckDB reads back from each file; the folder is deleted afterwards.
/// </summary>
public sealed class OurWrittenFiles : IDisposable
{
    public const int RowGroupSize = 3000;

    private readonly TempDirectory _directory = new();

    public OurWrittenFiles()
    {
        Columns = BarTable.Create();
        var paths = new List<string>();
        foreach (var codec in Codecs)
        {
            foreach (var encoding in DoubleEncodings)
            {
                var path = File(codec, encoding);
                var options = new ParquetWriterOptions { Compression = codec, DoubleEncoding = encoding, RowGroupSize = RowGroupSize };
                ParquetFileWriter.Write(path, Columns, options);
                paths.Add(path);
            }
        }

        Readings = DuckDbReference.Dump(paths);
    }

    public static IReadOnlyList<ParquetCompression> Codecs { get; } =
        [ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip, ParquetCompression.Zstd, ParquetCompression.Lz4Raw];

    public static IReadOnlyList<ParquetEncoding> DoubleEncodings { get; } = [ParquetEncoding.Plain, ParquetEncoding.ByteStreamSplit];

    public IReadOnlyList<ParquetWriteColumn> Columns { get; }

    public IReadOnlyDictionary<string, DuckDbFile> Readings { get; }

    public string File(ParquetCompression codec, ParquetEncoding doubleEncoding) => _directory.File($"ours_{codec}_{doubleEncoding}.parquet");

    public void Dispose() => _directory.Dispose();
}
