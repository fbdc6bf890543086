using System.CommandLine;
using QuantCluster.Api.Page;
using QuantCluster.Api.Report;
using QuantCluster.Data.Postgres;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>`quant job report ID --out report.html`: the results page's charts of one job in one self-contained HTML file that opens offline.</summary>
internal static class JobReportCommand
{
    public static Command Create()
    {
        var arguments = new JobArguments();
        var output = new Option<FileInfo>("--out") { Description = "The HTML file to write.", Required = true };
        var command = new Command(
            "report",
            "Write a job's results page (leaderboard, heatmaps over every pair of swept parameters, the best set's equity curve and drawdown) " +
            "as one self-contained HTML file that opens offline. The equity curve is re-run here, so the job's bars must be readable here.")
        {
            arguments.Id, arguments.Database.Option, output,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var file = parse.GetValue(output)!;
            if (!string.Equals(file.Extension, ".html", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"--out {file.Name}: a report is an .html file.");
            }

            await using var cluster = await arguments.ConnectAsync(parse);
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!);
            var job = await cluster.Client.RequireAsync(id);
            await using var bars = await PostgresBarStore.OpenAsync(arguments.Database.ConnectionString(parse), cancellation);
            var data = await StaticReport.CollectAsync(cluster.Client, new SymbolCache(bars), job, cancellation);
            string html = StaticReport.Html(data, PageFiles.BesideProgram);
            string temporary = file.FullName + ".tmp";
            await File.WriteAllTextAsync(temporary, html, cancellation);
            File.Move(temporary, file.FullName, overwrite: true);
            if (data.Note is { } note)
            {
                Console.Error.WriteLine($"warning: {note}");
            }

            Console.Error.WriteLine($"Wrote the report of job {id} to {file.FullName} ({html.Length / 1024:N0} KiB, {data.Heatmaps.Count} heatmaps).");
            return 0;
        }));
        return command;
    }
}
