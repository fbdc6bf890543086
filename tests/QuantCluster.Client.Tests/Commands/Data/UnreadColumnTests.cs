using ParquetSharp;
using ParquetSharp.Schema;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Data;

/// <summary>
/// Columns of a type not mapped yet (FLOAT16, a nested list) are named with their type, and the
/// other columns still print: a FLOAT16 file ParquetSharp writes, and parquet-testing's
/// datapage_v2.snappy.parquet with its list column.
/// </summary>
public sealed class UnreadColumnTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void A_FLOAT16_column_is_named_and_the_others_print()
    {
        var path = _directory.File("half.parquet");
        WriteIdsAndHalves(path, [1, 2, 3]);

        var cat = QuantProcess.Run("data", "cat", path);
        var inspect = QuantProcess.Run("data", "inspect", path, "--json");

        Assert.Equal((0, 0), (cat.ExitCode, inspect.ExitCode));
        Assert.Equal("id\n1\n2\n3\n", cat.Output);
        Assert.Equal("note: not printed, as they cannot be read yet: half (FLOAT16)\n", cat.Error);
        Assert.Contains("""{"name":"half","type":"FLOAT16","missing":0}""", inspect.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_FLOAT16_column_by_name_is_refused_in_one_line()
    {
        var path = _directory.File("half-only.parquet");
        WriteIdsAndHalves(path, [7]);

        var run = QuantProcess.Run("data", "cat", path, "--columns", "half");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: half-only.parquet: column 'half' is FLOAT16, which cannot be printed yet; leave it out with --columns\n", run.Error);
    }

    [Fact]
    public void A_nested_list_column_is_named_and_the_flat_ones_print()
    {
        var run = QuantProcess.Run("data", "cat", RepositoryPaths.ParquetTestingFile("datapage_v2.snappy.parquet"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("a,b,c,d\n", run.Output, StringComparison.Ordinal);
        Assert.Equal("note: not printed, as they cannot be read yet: e.list.element (NESTED)\n", run.Error);
    }

    public void Dispose() => _directory.Dispose();

    private static void WriteIdsAndHalves(string path, int[] ids)
    {
        using var id = new PrimitiveNode("id", Repetition.Required, LogicalType.None(), PhysicalType.Int32);
        using var half = new PrimitiveNode("half", Repetition.Required, LogicalType.Float16(), PhysicalType.FixedLenByteArray, 2);
        using var schema = new GroupNode("schema", Repetition.Required, [id, half]);
        using var properties = new WriterPropertiesBuilder().Build();
        using var file = new ParquetFileWriter(path, schema, properties);
        using (var group = file.AppendRowGroup())
        {
            using (var ints = (ColumnWriter<int>)group.NextColumn())
            {
                ints.WriteBatch(ids);
            }

            using var halves = group.NextColumn().LogicalWriter<Half>();
            halves.WriteBatch([.. ids.Select(i => (Half)(i / 2.0))]);
        }

        file.Close();
    }
}
