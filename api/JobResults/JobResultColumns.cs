using QuantCluster.Api.Jobs;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Clients;

namespace QuantCluster.Api.JobResults;

/// <summary>
/// A job's stored results cut down to what a heatmap needs: each set's position on every swept axis and
/// its objective (NaN when it does not qualify). Eight bytes a set per axis, so a job of millions fits.
/// </summary>
public sealed class JobResultColumns
{
    private readonly int[] _positions;

    private JobResultColumns(IReadOnlyList<AxisView> axes, string metric, bool maximise, int[] positions, double[] objective, int[]? best)
    {
        Axes = axes;
        Metric = metric;
        Maximise = maximise;
        _positions = positions;
        Objective = objective;
        BestPositions = best;
    }

    public IReadOnlyList<AxisView> Axes { get; }

    public string Metric { get; }

    public bool Maximise { get; }

    public int Count => Objective.Length;

    /// <summary>Each set's objective, NaN for a set that does not qualify.</summary>
    public double[] Objective { get; }

    /// <summary>The best set's position on every axis; null when no set qualifies.</summary>
    public int[]? BestPositions { get; }

    public int Position(int row, int axis) => _positions[(row * Axes.Count) + axis];

    /// <exception cref="ArgumentException">The job does not sweep that parameter.</exception>
    public int AxisIndex(string name)
    {
        for (int a = 0; a < Axes.Count; a++)
        {
            if (Axes[a].Name == name)
            {
                return a;
            }
        }

        throw new ArgumentException($"'{name}' is not a swept parameter of this job; its swept parameters: {string.Join(", ", Axes.Select(a => a.Name))}.");
    }

    /// <summary>Reads every stored result of the job, streaming, keeping only positions and objectives.</summary>
    public static async Task<JobResultColumns> ReadAsync(JobClient client, JobSnapshot job, CancellationToken cancellationToken)
    {
        var strategy = StrategyCatalog.Find(job.Spec.Strategy);
        var objective = Engine.Optimizers.Objective.For(job.Spec.Objective, job.Spec.MinTrades, job.Spec.Maximise);
        var specAxes = job.Spec.Axes;
        var lookup = specAxes.Select(a => a.Values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i)).ToArray();
        var positions = new List<int>();
        var values = new List<double>();
        await foreach (var result in client.ReadAsync(job, cancellationToken))
        {
            for (int a = 0; a < specAxes.Count; a++)
            {
                positions.Add(lookup[a].GetValueOrDefault(result.Parameters[specAxes[a].Name]));
            }

            values.Add(objective.Qualifies(result.Metrics) ? result.Metrics.Get(objective.Metric) : double.NaN);
        }

        int[]? best = job.Best.Count == 0 ? null : [.. specAxes.Select((a, i) => lookup[i].GetValueOrDefault(job.Best[0].Parameters[a.Name]))];
        return new JobResultColumns(JobView.AxesOf(strategy, job.Spec), objective.Metric, objective.Maximise, [.. positions], [.. values], best);
    }
}
