using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Silo.Metrics;

/// <summary>
/// /metrics in Prometheus' text format: ours (<see cref="ClusterTelemetry"/>) and Orleans' meter, for a
/// Prometheus that scrapes silos itself, without a collector. Independent of the OTLP export, which may run
/// beside it. The provider is built here, before the silo starts, so it sees every measurement from the first.
/// </summary>
internal static class PrometheusMetrics
{
    public const string Path = "/metrics";

    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        var provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("quant-silo"))
            .AddMeter(ClusterTelemetry.Name)
            .AddMeter(OrleansTelemetry.Meter)
            .AddPrometheusExporter()
            .Build();
        services.AddSingleton(new PrometheusMeterProvider(provider));
        return services;
    }

    /// <summary>Serves the metrics on <paramref name="port"/> only.</summary>
    public static void MapPrometheusMetrics(this WebApplication app, int port)
    {
        var provider = app.Services.GetRequiredService<PrometheusMeterProvider>().Provider;
        app.MapPrometheusScrapingEndpoint(Path, provider, configureBranchedPipeline: null, optionsName: null).RequireHost($"*:{port}");
    }
}
