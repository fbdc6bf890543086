using OpenTelemetry.Metrics;

namespace QuantCluster.Silo.Metrics;

/// <summary>The meter provider behind /metrics, held by the host's services so that it is disposed with them.</summary>
internal sealed class PrometheusMeterProvider(MeterProvider provider) : IDisposable
{
    public MeterProvider Provider { get; } = provider;

    public void Dispose() => Provider.Dispose();
}
