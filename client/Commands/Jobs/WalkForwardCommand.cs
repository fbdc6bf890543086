using System.CommandLine;
using QuantCluster.Contracts;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>
/// `quant walkforward`: a walk-forward analysis. Each fold's in-sample bars are searched (grid, random
/// or genetic, all folds at once across the cluster), the best set is run on the fold's out-of-sample
/// bars, and the out-of-sample runs are stitched into one account.
/// </summary>
internal static class WalkForwardCommand
{
    public static Command Create()
    {
        var options = new SweepOptions("--inner");
        var inSample = new Option<string?>("--in-sample") { Description = "Length of each in-sample window: bars (5000) or time (180d, 12h, 2w, 90min)." };
        var outOfSample = new Option<string?>("--out-of-sample") { Description = "Length of each out-of-sample window, in the same units." };
        var step = new Option<string?>("--step") { Description = "How far each fold moves on (default: the out-of-sample length, so the out-of-sample windows join up)." };
        var folds = new Option<int>("--folds") { Description = "Instead of windows: cut the bars into N folds (in-sample 4x the out-of-sample unless --in-sample is given)." };
        var anchored = new Option<bool>("--anchored") { Description = "Every in-sample window starts at the first bar and grows (default: rolling windows of one length)." };
        var command = new Command(
            "walkforward",
            "Walk-forward analysis: optimise on each in-sample window, run the choice on the out-of-sample window after it, and stitch the " +
            "out-of-sample runs. Prints the fold table (windows, chosen parameters, IS and OOS metrics), the stitched metrics, the walk-forward " +
            "efficiency (OOS CAGR over IS CAGR) and how stable each parameter's choice was. Example: quant walkforward --strategy sma_crossover " +
            "--data bars.csv --grid fast=5:50:5 --grid slow=20:200:10 --in-sample 180d --out-of-sample 30d --inner grid")
        {
            inSample, outOfSample, step, folds, anchored,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            int count = parse.GetValue(folds);
            if (count < 0)
            {
                throw new ArgumentException($"--folds must be a positive number of folds; got {count}.");
            }

            if (count == 0 && (parse.GetValue(inSample) is null || parse.GetValue(outOfSample) is null))
            {
                throw new ArgumentException("give --in-sample and --out-of-sample lengths (e.g. --in-sample 180d --out-of-sample 30d), or --folds N.");
            }

            var walkForward = new WalkForwardSettings
            {
                InSample = Length(parse.GetValue(inSample), "--in-sample"),
                OutOfSample = Length(parse.GetValue(outOfSample), "--out-of-sample"),
                Step = Length(parse.GetValue(step), "--step"),
                Folds = count,
                Anchored = parse.GetValue(anchored),
            };
            var spec = options.Read(parse) with { WalkForward = walkForward };
            return await JobSubmission.RunAsync(parse, options, spec, null, cancellation);
        }));
        return command;
    }

    private static WindowLength? Length(string? text, string option) => text is null ? null : WindowLength.Parse(text, option);
}
