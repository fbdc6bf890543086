using System.CommandLine;
using System.Text;
using QuantCluster.Data.Tables;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data cat FILE`: any flat Parquet or CSV file printed as CSV, with its own column names.</summary>
internal static class CatCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A Parquet (.parquet) or CSV (.csv, .txt) file." };
        var columns = new Option<string?>("--columns")
        {
            Description = "Print only these columns, comma-separated, in this order (a struct field is parent.child). Default: every flat column.",
        };
        var limit = new Option<int?>("--limit") { Description = "Print at most this many rows (a Parquet file is then read only as far as needed)." };
        var command = new Command(
            "cat",
            "Print a Parquet or CSV file as CSV: a header of its column names, then its rows. Timestamps print as ISO-8601 UTC\n" +
            "(2024-01-31T14:30:00Z), dates as 2024-01-31, doubles in their shortest exact form, null as an empty field, and text in\n" +
            "quotes when it needs them (an empty text is \"\", so it differs from null). CSV input is typed as `quant data inspect` shows.\n" +
            "Columns that cannot be read yet (nested lists and maps, FLOAT16, DECIMAL) are left out and named on stderr.\n\n" +
            "Examples:\n  quant data cat bars.parquet --limit 5\n  quant data cat bars.parquet --columns ts,close > close.csv")
        {
            file, columns, limit,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var rows = parse.GetValue(limit);
            if (rows < 0)
            {
                throw new ArgumentException($"--limit must be 0 or more, not {rows}.");
            }

            var names = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var input = parse.GetValue(file)!;
            var table = TableFile.Read(input.FullName, names, rows);
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            TableCsvWriter.Write(output, table, input.Name);
            if (table.Unread.Count > 0)
            {
                output.Flush();
                Console.Error.WriteLine($"note: not printed, as they cannot be read yet: {string.Join(", ", table.Unread)}");
            }

            return 0;
        }));
        return command;
    }
}
