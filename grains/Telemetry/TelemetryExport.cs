using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QuantCluster.Grains.Telemetry;

/// <summary>
/// Exports the cluster's spans and metrics (<see cref="ClusterTelemetry"/>) over OTLP, configured only by the
/// standard OTEL_* settings, so that an operator points a silo or the `quant` console at a collector without a
/// flag of ours. Export is opt-in: nothing is exported unless an OTLP endpoint is given. Disposing flushes, so
/// a console run shorter than the span batch delay or the metric export interval still delivers what it
/// recorded.
/// </summary>
public sealed class TelemetryExport : IDisposable
{
    private const string SdkDisabled = "OTEL_SDK_DISABLED";

    // Bounds the flush on Dispose: one export to a reachable collector takes milliseconds, and a process
    // that exits must not hang on one that is unreachable for longer than the exporter's own default timeout.
    private const int FlushTimeoutMilliseconds = 10_000;

    private readonly TracerProvider? _tracerProvider;
    private readonly MeterProvider? _meterProvider;
    private int _disposed;

    private TelemetryExport(TracerProvider? tracerProvider, MeterProvider? meterProvider)
    {
        _tracerProvider = tracerProvider;
        _meterProvider = meterProvider;
    }

    /// <summary>Whether spans are exported: an endpoint for traces is set and OTEL_TRACES_EXPORTER is not none.</summary>
    public bool ExportsTraces => _tracerProvider is not null;

    /// <summary>Whether metrics are exported: an endpoint for metrics is set and OTEL_METRICS_EXPORTER is not none.</summary>
    public bool ExportsMetrics => _meterProvider is not null;

    /// <summary>
    /// Starts exporting as the process's environment variables say; null when they ask for no export.
    /// </summary>
    /// <param name="serviceName">The service.name of this process, unless OTEL_SERVICE_NAME or
    /// OTEL_RESOURCE_ATTRIBUTES gives one.</param>
    public static TelemetryExport? Start(string serviceName) =>
        Start(serviceName, new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>
    /// Starts exporting as <paramref name="configuration"/> says, read under the names of the OTEL_*
    /// environment variables; null when it asks for no export: no OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT,
    /// or the per-signal _TRACES_ENDPOINT / _METRICS_ENDPOINT, which also start only their own signal),
    /// OTEL_SDK_DISABLED=true, or OTEL_TRACES_EXPORTER and OTEL_METRICS_EXPORTER both none. The SDK reads every
    /// other setting (protocol, headers, timeout, compression, batch delay, export interval, resource
    /// attributes) from the same configuration and nothing else, so a host's configuration or a test's
    /// settings stand in for the process environment entirely.
    /// </summary>
    /// <exception cref="InvalidOperationException">An endpoint is not an absolute http or https URI, or a
    /// protocol is neither grpc nor http/protobuf (the SDK would otherwise ignore it quietly).</exception>
    public static TelemetryExport? Start(string serviceName, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentNullException.ThrowIfNull(configuration);

        if (bool.TryParse(configuration[SdkDisabled]?.Trim(), out bool disabled) && disabled)
        {
            return null;
        }

        bool traces = SignalExporterSettings.Traces.IsEnabled(configuration);
        bool metrics = SignalExporterSettings.Metrics.IsEnabled(configuration);
        if (!traces && !metrics)
        {
            return null;
        }

        // One instance id for both providers: the SDK would otherwise draw one per provider, and a backend
        // could not tell that a process's spans and metrics come from the same process.
        string instanceId = Guid.NewGuid().ToString();
        var tracerProvider = traces ? BuildTracerProvider(serviceName, instanceId, configuration) : null;
        try
        {
            var meterProvider = metrics ? BuildMeterProvider(serviceName, instanceId, configuration) : null;
            return new TelemetryExport(tracerProvider, meterProvider);
        }
        catch
        {
            tracerProvider?.Dispose();
            throw;
        }
    }

    /// <summary>Exports what is still buffered (spans not yet batched out, metrics since the last interval), then stops.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Shutting a provider down exports what it still holds as well; flushing first, within a bound of our
        // own, makes the final export this type's promise rather than a detail of the SDK's shutdown.
        _tracerProvider?.ForceFlush(FlushTimeoutMilliseconds);
        _meterProvider?.ForceFlush(FlushTimeoutMilliseconds);
        _tracerProvider?.Dispose();
        _meterProvider?.Dispose();
    }

    private static TracerProvider BuildTracerProvider(string serviceName, string instanceId, IConfiguration configuration) =>
        Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(services => services.AddSingleton(configuration))
            .SetResourceBuilder(Resource(serviceName, instanceId))
            .AddSource(ClusterTelemetry.Name)
            .AddSource(OrleansTelemetry.ActivitySources)
            .AddNpgsql()
            .AddOtlpExporter(options => SignalExporterSettings.Traces.Apply(configuration, options))
            .Build();

    private static MeterProvider BuildMeterProvider(string serviceName, string instanceId, IConfiguration configuration) =>
        Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(services => services.AddSingleton(configuration))
            .SetResourceBuilder(Resource(serviceName, instanceId))
            .AddMeter(ClusterTelemetry.Name)
            .AddMeter(OrleansTelemetry.Meter)
            .AddOtlpExporter(options => SignalExporterSettings.Metrics.Apply(configuration, options))
            .Build();

    // The environment detector comes after AddService so that OTEL_RESOURCE_ATTRIBUTES and then
    // OTEL_SERVICE_NAME override the name the process gives itself, as the specification orders them. It
    // resolves the configuration registered with the provider, not the process environment.
    private static ResourceBuilder Resource(string serviceName, string instanceId) =>
        ResourceBuilder.CreateEmpty()
            .AddService(serviceName, serviceInstanceId: instanceId)
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();
}
