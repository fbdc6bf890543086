using QuantCluster.Contracts;
using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tables;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Grains.Results;

/// <summary>
/// A job's results as one flat table: rank (when ranked), the work item, every strategy parameter
/// (choices as their names) and every metric. The same table becomes CSV, Parquet or JSON.
/// </summary>
public static class ResultsTable
{
    public static FlatTable Of(Strategy strategy, IReadOnlyList<EvaluationResult> results, bool ranked)
    {
        var columns = new List<TableColumn>();
        if (ranked)
        {
            columns.Add(new TableColumn("rank", "INT64", TableValueKind.Int64, Enumerable.Range(1, results.Count).Select(i => (long)i).ToArray(), null));
        }

        columns.Add(new TableColumn("item", "INT64", TableValueKind.Int64, results.Select(r => r.ItemIndex).ToArray(), null));
        foreach (var parameter in strategy.Parameters)
        {
            var values = results.Select(r => r.Parameters.TryGetValue(parameter.Name, out double v) ? v : parameter.Default).ToArray();
            columns.Add(parameter.Kind == ParameterKind.Choice
                ? new TableColumn(parameter.Name, "STRING", TableValueKind.String, values.Select(parameter.Format).ToArray(), null)
                : new TableColumn(parameter.Name, "DOUBLE", TableValueKind.Double, values, null));
        }

        foreach (string metric in Metrics.Names)
        {
            var values = results.Select(r => r.Metrics.Get(metric)).ToArray();
            columns.Add(metric is "fills" or "trades"
                ? new TableColumn(metric, "INT64", TableValueKind.Int64, values.Select(v => (long)v).ToArray(), null)
                : new TableColumn(metric, "DOUBLE", TableValueKind.Double, values, null));
        }

        return new FlatTable(columns, results.Count);
    }

    /// <summary>Writes the table as Parquet, to a temporary file first so a failure leaves no half-written file.</summary>
    public static void WriteParquet(string path, FlatTable table)
    {
        var columns = table.Columns.Select(c => c.Kind switch
        {
            TableValueKind.Int64 => ParquetWriteColumn.Int64(c.Name, c.Get<long>()),
            TableValueKind.String => ParquetWriteColumn.String(c.Name, c.Get<string?>()),
            _ => ParquetWriteColumn.Double(c.Name, c.Get<double>()),
        }).ToArray();
        string temporary = path + ".tmp";
        ParquetFileWriter.Write(temporary, columns);
        File.Move(temporary, path, overwrite: true);
    }
}
