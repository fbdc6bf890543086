using System.Buffers.Binary;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>
/// Damaged files, made in the test from a good one, each end in a ParquetFormatException whose
/// message names the problem; none crashes with another exception and none hangs.
/// </summary>
public sealed class CorruptFileTests
{
    private static readonly Lazy<byte[]> GoodFile = new(WriteGoodFile);

    public static TheoryData<string> Cases() => [.. Corruptions.Keys];

    private static Dictionary<string, (Func<byte[], byte[]> Corrupt, string Message)> Corruptions { get; } = new()
    {
        ["zero-length file"] = (_ => [], "the file is empty"),
        ["wrong magic"] = (WithBytes(0, "PAR2"u8.ToArray()), "wrong magic at the start"),
        ["random garbage"] = (_ => RandomBytes(4096, seed: 7), "wrong magic"),
        ["truncated file"] = (f => f[..(f.Length / 2)], "wrong magic at the end"),
        ["truncated footer"] = (TruncateFooter, "unexpected end of data"),
        ["footer length past the file"] = (f => WithBytes(f.Length - 8, BitConverter.GetBytes(f.Length + 100))(f), "footer length"),
        ["negative footer length"] = (f => WithBytes(f.Length - 8, BitConverter.GetBytes(-5))(f), "footer length -5"),
        ["corrupt Thrift bytes"] = (f => Fill(f, FooterStart(f), 16, 0xFF), "corrupt Thrift footer at byte offset"),
        ["Thrift nested too deep"] = (f => Fill(f, FooterStart(f), FooterLength(f), 0x1C), "nesting deeper than"),
        ["Thrift list longer than the footer"] = (f => WithBytes(FooterStart(f), [0x19, 0xFC, 0xFF, 0xFF, 0xFF, 0x07])(f), "longer than the remaining data"),
        ["page that does not decompress"] = (f => Fill(f, FirstPageBody(f) + 4, 16, 0xAA), "fails to decompress with ZSTD"),
        ["truncated column chunk"] = (CutLastChunk, "outside the data region"),
        ["corrupt page header"] = (f => Fill(f, 4, 2, 0xFF), "corrupt Thrift page header"),
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
            new ParquetWriterOptions { RowGroupSize = 2000, RowsPerPage = 500 });
        return stream.ToArray();
    }

    private static int FooterLength(byte[] file) => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));

    private static int FooterStart(byte[] file) => file.Length - 8 - FooterLength(file);

    /// <summary>The file offset where the first column chunk's first page body starts.</summary>
    private static int FirstPageBody(byte[] file)
    {
        PageHeader.Read(file.AsSpan(4), 4, out var headerLength);
        return 4 + headerLength;
    }

    private static byte[] TruncateFooter(byte[] file)
    {
        var footer = file.AsSpan(FooterStart(file), FooterLength(file) / 2);
        return [.. file.AsSpan(0, FooterStart(file)), .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];
    }

    /// <summary>Keeps the footer but loses the tail of the data, as an interrupted copy might.</summary>
    private static byte[] CutLastChunk(byte[] file)
    {
        var footerStart = FooterStart(file);
        return [.. file.AsSpan(0, footerStart - 100), .. file.AsSpan(footerStart)];
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
