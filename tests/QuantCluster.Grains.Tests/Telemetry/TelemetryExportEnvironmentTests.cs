using QuantCluster.Grains.Telemetry;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Telemetry;

/// <summary>
/// TelemetryExport.Start(serviceName) as the silo and the `quant` console call it: configured by the process's
/// OTEL_* environment variables alone.
/// </summary>
[Collection(SharedProcessEnvironment.Name)]
public sealed class TelemetryExportEnvironmentTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    // Everything that could switch export on or off, so a developer's own OTEL_* settings cannot leak in.
    private static readonly (string Name, string? Value)[] Cleared =
    [
        ("OTEL_SDK_DISABLED", null),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", null),
        ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", null),
        ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", null),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", null),
        ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", null),
        ("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", null),
        ("OTEL_TRACES_EXPORTER", null),
        ("OTEL_METRICS_EXPORTER", null),
        ("OTEL_SERVICE_NAME", null),
        ("OTEL_RESOURCE_ATTRIBUTES", null),
    ];

    [Fact]
    public async Task The_standard_environment_variables_point_export_at_a_receiver()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        using (new EnvironmentOverride(
            [.. Cleared, .. receiver.ExporterVariables.Select(variable => (variable.Key, variable.Value)), ("OTEL_SERVICE_NAME", "silo-from-environment")]))
        {
            using var export = TelemetryExport.Start("quant-silo");
            Assert.NotNull(export);
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        var spans = await receiver.WaitForSpansAsync(run.Made, 2, Patience);
        Assert.All(spans, span => Assert.Equal("silo-from-environment", span.ServiceName));
        await receiver.WaitForMetricsAsync(TelemetryRun.InstrumentNames, Patience);
    }

    [Fact]
    public void Without_an_endpoint_in_the_environment_nothing_is_exported()
    {
        using var environment = new EnvironmentOverride(Cleared);

        Assert.Null(TelemetryExport.Start("quant"));
    }

    [Fact]
    public async Task OTEL_SDK_DISABLED_in_the_environment_turns_export_off()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        using var environment = new EnvironmentOverride(
            [.. Cleared, .. receiver.ExporterVariables.Select(variable => (variable.Key, variable.Value)), ("OTEL_SDK_DISABLED", "true")]);

        Assert.Null(TelemetryExport.Start("quant"));
    }
}
