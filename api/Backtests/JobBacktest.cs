using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Api.Backtests;

/// <summary>Re-runs one parameter set of a job as a single backtest on the job's bars and settings, through this host's bar cache.</summary>
public static class JobBacktest
{
    /// <param name="symbols">The bar cache: the silo's own, or the embedded cluster's.</param>
    /// <param name="job">The job whose bars and settings to use.</param>
    /// <param name="given">Parameter values as text by name; the rest take the best set's values, then the strategy's defaults.</param>
    /// <param name="cancellationToken">Cancels loading the bars.</param>
    /// <exception cref="StrategyParameterException">A parameter is unknown, out of range, or breaks a constraint.</exception>
    public static async Task<BacktestView> RunAsync(SymbolCache symbols, JobSnapshot job, IReadOnlyDictionary<string, string> given, CancellationToken cancellationToken)
    {
        var strategy = StrategyCatalog.Find(job.Spec.Strategy);
        var all = new Dictionary<string, string>(given);
        if (job.Best.Count > 0)
        {
            foreach (var (name, value) in job.Best[0].Parameters)
            {
                var parameter = strategy.Parameters.First(p => p.Name == name);
                all.TryAdd(name, parameter.Format(value));
            }
        }

        var values = strategy.Bind(all);
        var evaluator = await symbols.EvaluatorAsync(job.Spec.Data, job.Spec.Settings, cancellationToken);
        var bars = evaluator.Bars;
        var result = await Task.Run(() => BacktestSimulator.Run(bars, strategy, values, job.Spec.Settings), cancellationToken);
        return BacktestView.Of(strategy, values, bars, result);
    }
}
