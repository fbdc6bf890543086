using System.Buffers.Binary;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>
/// Damaged files, made in the test from a good one, each end in a ParquetFormatException whose
/// one-line message names the problem (ParquetSharp's reason, without its C++ type name); none
/// crashes with another exception and none hangs.
/// </summary>
public sealed class CorruptFileTests
{
    private static readonly Lazy<byte[]> GoodFile = new(WriteGoodFile);

    public static TheoryData<string> Cases() => [.. Corruptions.Keys];

    private static Dictionary<string, (Func<byte[], byte[]> Corrupt, string Message)> Corruptions { get; } = new()
    {
        ["zero-length file"] = (_ => [], "file size is 0 bytes"),
        ["wrong magic"] = (WithBytes(0, "PAR2"u8.ToArray()), "not the magic PAR1"),
        ["random garbage"] = (_ => RandomBytes(4096, seed: 7), "not a Parquet file"),
        ["truncated file"] = (f => f[..(f.Length / 2)], "magic bytes not found"),
        ["truncated footer"] = (TruncateFooter, "corrupt footer: Couldn't deserialize thrift: No more data to read"),
        ["footer length past the file"] = (f => WithBytes(f.Length - 8, BitConverter.GetBytes(f.Length + 100))(f), "smaller than the size reported by footer"),
        ["negative footer length"] = (f => WithBytes(f.Length - 8, BitConverter.GetBytes(-5))(f), "smaller than the size reported by footer"),
        ["corrupt footer bytes"] = (f => Fill(f, FooterStart(f), 16, 0xFF), "corrupt footer: Couldn't deserialize thrift"),
        ["footer nested too deep"] = (f => Fill(f, FooterStart(f), FooterLength(f), 0x1C), "Exceeded depth limit"),
        ["footer list longer than the footer"] = (f => WithBytes(FooterStart(f), [0x19, 0xFC, 0xFF, 0xFF, 0xFF, 0x07])(f), "Exceeded size limit"),
        ["page whose checksum fails"] = (f => Fill(f, (int)ChunkMiddle(f, 0), 64, 0xAA), "column 'ts', row group 0: could not verify page integrity, CRC checksum verification failed"),
        ["truncated column chunk"] = (CutLastChunk, "column 'ts', row group 1: Invalid column metadata"),
        ["corrupt page header"] = (f => Fill(f, 4, 2, 0xFF), "column 'ts', row group 0: Couldn't deserialize thrift"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Damaged_file_throws_a_ParquetFormatException_naming_the_problem(string name)
    {
        var (corrupt, message) = Corruptions[name];
        var bytes = corrupt(GoodFile.Value);

        var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(bytes)));

        var formatError = Assert.IsType<ParquetFormatException>(error);
        Assert.Contains(message, formatError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', formatError.Message);
        Assert.DoesNotContain("N7parquet", formatError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_damage_anywhere_ends_in_success_or_a_ParquetFormatException()
    {
        var good = GoodFile.Value;
        var random = new Random(42);
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var bytes = (byte[])good.Clone();
            var flips = random.Next(1, 8);
            for (var i = 0; i < flips; i++)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);

            var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(bytes)));

            Assert.True(error is null or ParquetFormatException, $"attempt {attempt}: {error}");
        }
    }

    private static byte[] WriteGoodFile()
    {
        var rows = 5000;
        var stream = new MemoryStream();
        ParquetFileWriter.Write(
            stream,
            [
                ParquetWriteColumn.Timestamp("ts", [.. Enumerable.Range(0, rows).Select(i => 1_700_000_000_000_000L + (i * 60_000_000L))]),
                ParquetWriteColumn.Double("close", [.. Enumerable.Range(0, rows).Select(i => 100 + Math.Sin(i))], [.. Enumerable.Range(0, rows).Select(i => i % 9 == 0)]),
                ParquetWriteColumn.String("symbol", [.. Enumerable.Range(0, rows).Select(i => "S" + (i % 4))]),
            ],
            new ParquetWriterOptions { RowGroupSize = 2000 });
        return stream.ToArray();
    }

    private static int FooterLength(byte[] file) => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));

    private static int FooterStart(byte[] file) => file.Length - 8 - FooterLength(file);

    private static byte[] TruncateFooter(byte[] file)
    {
        var footer = file.AsSpan(FooterStart(file), FooterLength(file) / 2);
        return [.. file.AsSpan(0, FooterStart(file)), .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];
    }

    /// <summary>Keeps the footer but loses the second half of the data, as an interrupted copy might.</summary>
    private static byte[] CutLastChunk(byte[] file)
    {
        var cut = (int)ChunkMiddle(file, 1);
        return [.. file.AsSpan(0, cut), .. file.AsSpan(FooterStart(file))];
    }

    /// <summary>The middle byte of the first column's chunk in a row group (the writer lays chunks out from byte 4 in order).</summary>
    private static long ChunkMiddle(byte[] file, int rowGroup)
    {
        using var reader = ParquetFileReader.Open(new MemoryStream(file));
        var before = reader.RowGroups.Take(rowGroup).Sum(g => g.Columns.Sum(c => c.CompressedSize));
        return 4 + before + (reader.RowGroups[rowGroup].Columns[0].CompressedSize / 2);
    }

    private static Func<byte[], byte[]> WithBytes(int offset, byte[] replacement) => file =>
    {
        var copy = (byte[])file.Clone();
        replacement.CopyTo(copy, offset);
        return copy;
    };

    private static byte[] Fill(byte[] file, int offset, int count, byte value)
    {
        var copy = (byte[])file.Clone();
        copy.AsSpan(offset, count).Fill(value);
        return copy;
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
