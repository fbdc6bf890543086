using QuantCluster.Api.Backtests;
using QuantCluster.Api.JobResults;
using QuantCluster.Api.Jobs;

namespace QuantCluster.Api.Report;

/// <summary>
/// What a static report embeds for the page to draw offline: the job, its leaderboard, a heatmap for every
/// ordered pair of swept parameters in every mode (keyed "x|y|mode"), and the best set's backtest.
/// </summary>
public sealed record ReportData(
    JobView Job, IReadOnlyList<ResultView> Leaderboard, IReadOnlyDictionary<string, Heatmap> Heatmaps, IReadOnlyList<BacktestView> Backtests, string? Note);
