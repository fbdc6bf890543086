using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuantCluster.Contracts.Strategies;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Api.Catalog;

/// <summary>/api/strategies and /api/data/coverage: what can be swept, and over which stored bars.</summary>
internal static class CatalogEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/strategies", ListAsync).WithTags("strategies").WithSummary("Every strategy with its parameter schema and constraints.");
        api.MapGet("/strategies/{name}", ShowAsync).WithTags("strategies").WithSummary("One strategy's parameter schema and constraints.");
        api.MapGet("/data/coverage", CoverageAsync).WithTags("data").WithSummary("The bar store's series: first and last bar, bar count, source.");
    }

    private static async Task<IResult> ListAsync(Grains.Clients.JobClient client) =>
        TypedResults.Ok(await Task.WhenAll(StrategyCatalog.All.Select(s => client.Grains.GetGrain<IStrategyGrain>(s.Name).GetSchemaAsync())));

    private static async Task<IResult> ShowAsync(Grains.Clients.JobClient client, string name) =>
        TypedResults.Ok(await client.Grains.GetGrain<IStrategyGrain>(StrategyCatalog.Find(name).Name).GetSchemaAsync());

    private static async Task<IResult> CoverageAsync(HttpContext http, SymbolCache symbols, string? symbol) =>
        symbols.BarStore is { } store
            ? TypedResults.Ok(await store.CoverageAsync(symbol, http.RequestAborted))
            : throw new KeyNotFoundException("This cluster has no bar store: the embedded local cluster reads bars from files.");
}
