using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Data.Tables;
using QuantCluster.Engine.Bars;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data inspect FILE`: what a Parquet or CSV file holds, without printing its values.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A Parquet (.parquet) or CSV (.csv, .txt) file." };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object: {\"rows\", \"row_groups\", \"columns\": [{\"name\", \"type\", \"missing\"}], " +
                "\"symbols\": [{\"symbol\", \"rows\", \"first\", \"last\"}]}, times as ISO-8601 UTC.",
        };
        var command = new Command(
            "inspect",
            "Show a file's columns and types with their missing (null or empty) values, its rows, row groups and codecs, and per symbol the rows\n" +
            "and the first and last timestamp.\n" +
            "The symbol and timestamp columns are found by name as for backtests (symbol/ticker; ts/time/timestamp/date/datetime).\n" +
            "Without a symbol column the file is one entry with symbol null; without a timestamp column first and last are null.\n" +
            "CSV columns are typed by their values (TIMESTAMP, INT64, DOUBLE or STRING), and a CSV file is one row group (none when empty).\n\n" +
            "Examples:\n  quant data inspect bars.parquet\n  quant data inspect GOOG.csv --json")
        {
            file, json,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var inspection = TableFile.Inspect(parse.GetValue(file)!.FullName);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(Console.Out, Json(inspection));
            }
            else
            {
                Print(parse.GetValue(file)!.Name, inspection);
            }

            return 0;
        }));
        return command;
    }

    private static JsonObject Json(TableInspection inspection) => new()
    {
        ["rows"] = inspection.Rows,
        ["row_groups"] = inspection.RowGroups.Count,
        ["columns"] = new JsonArray([.. inspection.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["missing"] = c.Missing })]),
        ["symbols"] = new JsonArray([.. inspection.Symbols.Select(s => (JsonNode)new JsonObject
        {
            ["symbol"] = s.Symbol,
            ["rows"] = s.Rows,
            ["first"] = s.First is { } first ? UtcMicroseconds.Format(first) : null,
            ["last"] = s.Last is { } last ? UtcMicroseconds.Format(last) : null,
        })]),
    };

    private static void Print(string name, TableInspection inspection)
    {
        var groups = inspection.RowGroups.Count;
        AnsiConsole.MarkupLine(
            $"[bold]{Markup.Escape(name)}[/]: {inspection.Format}, {inspection.Rows:N0} rows in {groups:N0} row group{(groups == 1 ? "" : "s")}" +
            (inspection.Codecs.Count > 0 ? $", compressed with {string.Join(", ", inspection.Codecs)}" : ""));

        var columns = new Table().AddColumns("column", "type", "missing");
        if (inspection.Format == "Parquet")
        {
            columns.AddColumns("codec", "encodings");
        }

        foreach (var c in inspection.Columns)
        {
            var cells = new List<string> { Markup.Escape(c.Name.Length == 0 ? "(unnamed)" : c.Name), Markup.Escape(c.Type), c.Missing is { } missing ? Number(missing) : "?" };
            if (inspection.Format == "Parquet")
            {
                cells.AddRange([string.Join(", ", c.Codecs), string.Join(", ", c.Encodings)]);
            }

            columns.AddRow([.. cells]);
        }

        AnsiConsole.Write(columns);
        if (inspection.Format == "Parquet" && groups > 0)
        {
            var table = new Table().AddColumns("row group", "rows", "bytes on disk", "bytes decompressed");
            foreach (var g in inspection.RowGroups)
            {
                table.AddRow(Number(g.Index), Number(g.Rows), Number(g.CompressedBytes), Number(g.UncompressedBytes));
            }

            AnsiConsole.Write(table);
        }

        var symbols = new Table().AddColumns(Heading("symbol", inspection.SymbolColumn), "rows", Heading("first", inspection.TimestampColumn), "last");
        foreach (var summary in inspection.Symbols)
        {
            symbols.AddRow(
                Markup.Escape(summary.Symbol ?? (inspection.SymbolColumn is null ? "(no symbol column)" : "(null)")),
                Number(summary.Rows),
                summary.First is { } first ? UtcMicroseconds.Format(first) : "-",
                summary.Last is { } last ? UtcMicroseconds.Format(last) : "-");
        }

        AnsiConsole.Write(symbols);
        if (inspection.VolumeColumn is null)
        {
            AnsiConsole.MarkupLine("No volume column (volume, vol or v): bars read from this file have no volume.");
        }
        else if (inspection.Columns.First(c => c.Name == inspection.VolumeColumn).Missing is > 0 and var missing)
        {
            AnsiConsole.MarkupLine($"{Number(missing)} rows have no volume in '{Markup.Escape(inspection.VolumeColumn)}': their bars load with volume unknown (NaN).");
        }

        if (inspection.TimestampColumn is null)
        {
            AnsiConsole.MarkupLine("No timestamp column (ts, time, timestamp, date or datetime, holding times), so first and last are blank.");
        }
    }

    /// <summary>Names the column the values come from when it is not called what the heading says.</summary>
    private static string Heading(string heading, string? column) =>
        column is null || column.Equals(heading, StringComparison.OrdinalIgnoreCase) ? heading : $"{heading} ({Markup.Escape(column)})";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
