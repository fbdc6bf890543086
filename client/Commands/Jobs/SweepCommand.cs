using System.CommandLine;
using QuantCluster.Client.Output;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>
/// `quant sweep`: submits a grid, random or genetic search. With --db or QUANT_DB it goes to the cluster
/// (and returns the job id, or follows it with --watch); without, it runs on the embedded local
/// cluster, one worker per core, and prints the leaderboard when done.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var options = new SweepOptions("--optimizer");
        var output = new Option<FileInfo?>("--out") { Description = "Also write every result to this file (.csv, .parquet or .json)." };
        var command = new Command(
            "sweep",
            "Backtest every combination of a parameter grid, a random sample of it, or a genetic search over it, and rank the results. " +
            "Example: quant sweep --strategy sma_crossover --data bars.parquet --grid fast=5:100:5 --grid slow=10:400:10 --min-trades 10. " +
            "A genetic search takes the same --grid axes as its search space: --optimizer genetic --population 40 --generations 60 --seed 7.")
        {
            output,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var spec = options.Read(parse);
            if (parse.GetValue(output) is { } file)
            {
                _ = ResultsFormats.Of(file.FullName, null);
            }

            return await JobSubmission.RunAsync(parse, options, spec, parse.GetValue(output), cancellation);
        }));
        return command;
    }
}
