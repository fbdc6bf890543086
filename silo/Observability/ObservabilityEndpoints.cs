using Microsoft.AspNetCore.Builder;
using QuantCluster.Grains.Telemetry;
using QuantCluster.Silo.Health;
using QuantCluster.Silo.Metrics;

namespace QuantCluster.Silo.Observability;

/// <summary>What an orchestrator and a monitoring system ask a silo on its HTTP port: health, readiness and metrics.</summary>
internal static class ObservabilityEndpoints
{
    /// <summary>Registers the health checks and the Prometheus exporter; call before the silo is configured.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddSiloHealth(connectionString);
        builder.Services.AddPrometheusMetrics();

        // Every exporter listens by now (OTLP started before the host): counters start at 0 in all of them.
        ClusterTelemetry.StartCountersAtZero();
        return builder;
    }

    /// <summary>Serves /healthz, /readyz and /metrics on the HTTP port; nothing when it is 0.</summary>
    public static WebApplication MapObservability(this WebApplication app, int httpPort)
    {
        if (httpPort > 0)
        {
            app.MapSiloHealth(httpPort);
            app.MapPrometheusMetrics(httpPort);
        }

        return app;
    }
}
