using QuantCluster.Api.Jobs;

namespace QuantCluster.Api.JobResults;

/// <summary>
/// The objective over two swept parameters, aggregated on the server: one cell per pair of values that
/// has a qualifying set, whatever the number of sets behind it, and the best cell.
/// </summary>
public sealed record Heatmap(
    AxisView X, AxisView Y, string Mode, string Metric, bool Maximise, IReadOnlyList<HeatmapCell> Cells, HeatmapCell? Best,
    IReadOnlyDictionary<string, string> Fixed)
{
    /// <exception cref="ArgumentException">An axis is not swept by the job, both are the same, or the mode is unknown.</exception>
    public static Heatmap Of(JobResultColumns results, string x, string y, string mode)
    {
        var kind = mode.ToLowerInvariant() switch
        {
            "fixed" => HeatmapMode.Fixed,
            "best" => HeatmapMode.Best,
            "mean" => HeatmapMode.Mean,
            _ => throw new ArgumentException($"mode '{mode}' is not a heatmap mode; use fixed (the others at the best set), best or mean (over the others)."),
        };
        int xi = results.AxisIndex(x), yi = results.AxisIndex(y);
        if (xi == yi)
        {
            throw new ArgumentException($"x and y are both '{x}'; choose two different swept parameters.");
        }

        var axes = results.Axes;
        int width = axes[xi].Values.Count, height = axes[yi].Values.Count;
        var sum = new double[width * height];
        var count = new int[width * height];
        var best = new double[width * height];
        var fixedAt = results.BestPositions;
        bool maximise = results.Maximise;
        for (int row = 0; row < results.Count; row++)
        {
            double value = results.Objective[row];
            if (double.IsNaN(value))
            {
                continue;
            }

            if (kind == HeatmapMode.Fixed && !AtBest(results, row, xi, yi, fixedAt))
            {
                continue;
            }

            int cell = results.Position(row, yi) * width + results.Position(row, xi);
            best[cell] = count[cell] == 0 || (maximise ? value > best[cell] : value < best[cell]) ? value : best[cell];
            sum[cell] += value;
            count[cell]++;
        }

        var cells = new List<HeatmapCell>();
        HeatmapCell? top = null;
        for (int cell = 0; cell < sum.Length; cell++)
        {
            if (count[cell] == 0)
            {
                continue;
            }

            double value = kind == HeatmapMode.Mean ? sum[cell] / count[cell] : best[cell];
            var made = new HeatmapCell(cell % width, cell / width, value, count[cell]);
            cells.Add(made);
            if (top is null || (maximise ? value > top.Value : value < top.Value))
            {
                top = made;
            }
        }

        var held = kind != HeatmapMode.Fixed || fixedAt is null
            ? new Dictionary<string, string>()
            : Enumerable.Range(0, axes.Count).Where(a => a != xi && a != yi).ToDictionary(a => axes[a].Name, a => axes[a].Values[fixedAt[a]]);
        return new Heatmap(axes[xi], axes[yi], kind.ToString().ToLowerInvariant(), results.Metric, maximise, cells, top, held);
    }

    private static bool AtBest(JobResultColumns results, int row, int xi, int yi, int[]? fixedAt)
    {
        if (fixedAt is null)
        {
            return false;
        }

        for (int a = 0; a < fixedAt.Length; a++)
        {
            if (a != xi && a != yi && results.Position(row, a) != fixedAt[a])
            {
                return false;
            }
        }

        return true;
    }
}
