using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuantCluster.Api.Access;
using QuantCluster.Api.Jobs;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Api.Backtests;

/// <summary>/api/jobs/{id}/backtest: one result's equity curve and trades.</summary>
internal static class BacktestEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGroup("/jobs").WithTags("results").MapGet("/{id}/backtest", RunAsync).WithSummary(
            "One parameter set of the job (?fast=10&slow=50&direction=long_only; unnamed ones take the best set's values) re-run as a " +
            "single backtest on this host: metrics, equity curve, drawdown and trades.");

    private static async Task<IResult> RunAsync(HttpContext http, JobAccess jobs, SymbolCache symbols, string id)
    {
        var job = await jobs.RequireAsync(Caller.Of(http.User), id, 1, http.RequestAborted);
        var given = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        return TypedResults.Ok(await JobBacktest.RunAsync(symbols, job, given, http.RequestAborted));
    }
}
