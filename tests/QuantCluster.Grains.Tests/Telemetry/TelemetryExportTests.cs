using System.Diagnostics;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Tests.Telemetry;

/// <summary>
/// Export of the cluster's spans and metrics to a real OTLP/HTTP receiver. The OTEL_* settings are given as
/// configuration rather than through the process environment, so these tests run beside every other test.
/// </summary>
public sealed class TelemetryExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Spans_and_metrics_reach_an_OTLP_receiver()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        (ActivityContext Phase, ActivityContext Batch) recorded;
        using (var export = TelemetryExport.Start("quant-silo", ExportSettings.For(receiver)))
        {
            Assert.NotNull(export);
            Assert.True(export.ExportsTraces);
            Assert.True(export.ExportsMetrics);
            recorded = run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        var spans = await receiver.WaitForSpansAsync(run.Made, 2, Patience);
        var phase = Assert.Single(spans, span => span.Name == "job.phase");
        var batch = Assert.Single(spans, span => span.Name == "batch.evaluate");
        Assert.True(phase.IsRoot);
        Assert.Equal(recorded.Phase.TraceId.ToHexString(), phase.TraceId);
        Assert.Equal(recorded.Phase.SpanId.ToHexString(), phase.SpanId);
        Assert.Equal(phase.TraceId, batch.TraceId);
        Assert.Equal(phase.SpanId, batch.ParentSpanId);
        Assert.Equal(recorded.Batch.SpanId.ToHexString(), batch.SpanId);
        Assert.All(spans, span => Assert.Equal("quant-silo", span.ServiceName));
        Assert.All(spans, span => Assert.Equal(ClusterTelemetry.Name, span.ScopeName));

        var metrics = await receiver.WaitForMetricsAsync(TelemetryRun.InstrumentNames, Patience);
        Assert.All(metrics, metric => Assert.Equal("quant-silo", metric.ServiceName));
        Assert.All(metrics, metric => Assert.Equal(ClusterTelemetry.Name, metric.ScopeName));
        Assert.Equal(3, run.LastPoint(metrics, "quant.evaluations").Value);
        Assert.Equal(1500, run.LastPoint(metrics, "quant.bar_evaluations").Value);
        Assert.Equal(1UL, run.LastPoint(metrics, "quant.batch.duration").Count);
        Assert.Equal(42, run.LastPoint(metrics, "quant.queue.depth").Value);
        Assert.Equal(2, run.LastPoint(metrics, "quant.silos.active").Value);
        Assert.Equal(5, run.LastPoint(metrics, "quant.bar_cache.hits").Value);
        Assert.Equal(1, run.LastPoint(metrics, "quant.bar_cache.misses").Value);
        Assert.Equal(MetricKind.Gauge, metrics.First(metric => metric.Name == "quant.queue.depth").Kind);
        Assert.Equal(MetricKind.Sum, metrics.First(metric => metric.Name == "quant.evaluations").Kind);
        Assert.Equal(MetricKind.Histogram, metrics.First(metric => metric.Name == "quant.batch.duration").Kind);
    }

    [Fact]
    public async Task Disposing_delivers_what_was_recorded_before_the_first_scheduled_export()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        // An hour between scheduled exports: only the flush on Dispose can deliver anything in this test.
        var settings = ExportSettings.For(receiver, ("OTEL_BSP_SCHEDULE_DELAY", "3600000"), ("OTEL_METRIC_EXPORT_INTERVAL", "3600000"));
        using (TelemetryExport.Start("quant", settings))
        {
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        // No waiting: the receiver records an export before answering it, and Dispose returns after the answer.
        Assert.Equal(2, receiver.Spans.Count(run.Made));
        Assert.Equal(3, run.LastPoint(receiver.Metrics, "quant.evaluations").Value);
    }

    [Fact]
    public void Nothing_is_exported_without_an_OTLP_endpoint()
    {
        Assert.Null(TelemetryExport.Start("quant", ExportSettings.Of()));
        Assert.Null(TelemetryExport.Start("quant", ExportSettings.Of(("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), ("OTEL_SERVICE_NAME", "quant"))));
        Assert.Null(TelemetryExport.Start("quant", ExportSettings.Of(("OTEL_EXPORTER_OTLP_ENDPOINT", " "))));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData(" true ")]
    public async Task OTEL_SDK_DISABLED_turns_export_off_even_with_an_endpoint(string disabled)
    {
        await using var receiver = OtlpHttpReceiver.Start();

        Assert.Null(TelemetryExport.Start("quant", ExportSettings.For(receiver, ("OTEL_SDK_DISABLED", disabled))));
    }

    [Fact]
    public async Task OTEL_SDK_DISABLED_false_leaves_export_on()
    {
        await using var receiver = OtlpHttpReceiver.Start();

        using var export = TelemetryExport.Start("quant", ExportSettings.For(receiver, ("OTEL_SDK_DISABLED", "false")));

        Assert.NotNull(export);
    }

    [Fact]
    public async Task A_traces_endpoint_alone_exports_spans_and_no_metrics()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        var settings = ExportSettings.For(
            receiver,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", null),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.TracesEndpoint.ToString()));
        using (var export = TelemetryExport.Start("quant", settings))
        {
            Assert.NotNull(export);
            Assert.True(export.ExportsTraces);
            Assert.False(export.ExportsMetrics);
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        await receiver.WaitForSpansAsync(run.Made, 2, Patience);
        Assert.DoesNotContain(receiver.Exports, request => request.Path == OtlpHttpReceiver.MetricsPath);
    }

    [Fact]
    public async Task A_metrics_endpoint_alone_exports_metrics_and_no_spans()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        var settings = ExportSettings.For(
            receiver,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", null),
            ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", receiver.MetricsEndpoint.ToString()));
        using (var export = TelemetryExport.Start("quant", settings))
        {
            Assert.NotNull(export);
            Assert.False(export.ExportsTraces);
            Assert.True(export.ExportsMetrics);
            run.RecordEveryInstrument();
        }

        await receiver.WaitForMetricsAsync(TelemetryRun.InstrumentNames, Patience);
        Assert.DoesNotContain(receiver.Exports, request => request.Path == OtlpHttpReceiver.TracesPath);
    }

    [Fact]
    public async Task A_signal_whose_exporter_is_none_is_not_exported()
    {
        await using var receiver = OtlpHttpReceiver.Start();

        using (var noMetrics = TelemetryExport.Start("quant", ExportSettings.For(receiver, ("OTEL_METRICS_EXPORTER", "none"))))
        {
            Assert.NotNull(noMetrics);
            Assert.True(noMetrics.ExportsTraces);
            Assert.False(noMetrics.ExportsMetrics);
        }

        using (var noTraces = TelemetryExport.Start("quant", ExportSettings.For(receiver, ("OTEL_TRACES_EXPORTER", "none"))))
        {
            Assert.NotNull(noTraces);
            Assert.False(noTraces.ExportsTraces);
            Assert.True(noTraces.ExportsMetrics);
        }

        Assert.Null(TelemetryExport.Start("quant", ExportSettings.For(receiver, ("OTEL_TRACES_EXPORTER", "none"), ("OTEL_METRICS_EXPORTER", "none"))));
    }

    [Fact]
    public async Task OTEL_SERVICE_NAME_overrides_the_name_the_process_gives_itself()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        var settings = ExportSettings.For(
            receiver,
            ("OTEL_SERVICE_NAME", "silo-eu-1"),
            ("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes"));
        using (TelemetryExport.Start("quant-silo", settings))
        {
            run.RecordPhaseWithBatch();
        }

        var spans = await receiver.WaitForSpansAsync(run.Made, 2, Patience);
        Assert.All(spans, span => Assert.Equal("silo-eu-1", span.ServiceName));
    }

    [Fact]
    public async Task OTEL_RESOURCE_ATTRIBUTES_describe_the_process_and_its_spans_and_metrics_share_one_instance()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        var settings = ExportSettings.For(receiver, ("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=test,k8s.pod.name=silo-0"));
        using (TelemetryExport.Start("quant-silo", settings))
        {
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        var span = (await receiver.WaitForSpansAsync(run.Made, 2, Patience))[0];
        var metric = (await receiver.WaitForMetricsAsync(["quant.evaluations"], Patience))[0];
        Assert.Equal("quant-silo", span.ServiceName);
        Assert.Equal("test", span.ResourceAttributes["deployment.environment.name"]);
        Assert.Equal("silo-0", span.ResourceAttributes["k8s.pod.name"]);
        Assert.False(string.IsNullOrEmpty(span.ResourceAttributes["service.instance.id"]));
        Assert.Equal(span.ResourceAttributes["service.instance.id"], metric.ResourceAttributes["service.instance.id"]);
        Assert.Equal("silo-0", metric.ResourceAttributes["k8s.pod.name"]);
    }

    [Fact]
    public async Task Gzip_compressed_exports_are_received()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        using (TelemetryExport.Start("quant", ExportSettings.For(receiver, ("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"))))
        {
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        await receiver.WaitForSpansAsync(run.Made, 2, Patience);
        await receiver.WaitForMetricsAsync(TelemetryRun.InstrumentNames, Patience);
        Assert.All(receiver.Exports, request => Assert.Equal("gzip", request.ContentEncoding));
    }

    [Fact]
    public async Task A_signal_endpoint_and_protocol_override_the_common_ones()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        // The common settings lead nowhere; only the per-signal ones reach the receiver.
        var settings = ExportSettings.For(
            receiver,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("OTEL_EXPORTER_OTLP_TIMEOUT", "1000"),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.TracesEndpoint.ToString()),
            ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"),
            ("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "gzip"),
            ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", receiver.MetricsEndpoint.ToString()),
            ("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf"));
        using (TelemetryExport.Start("quant", settings))
        {
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }

        await receiver.WaitForSpansAsync(run.Made, 2, Patience);
        await receiver.WaitForMetricsAsync(TelemetryRun.InstrumentNames, Patience);
        Assert.All(receiver.Exports.Where(request => request.Path == OtlpHttpReceiver.TracesPath), request => Assert.Equal("gzip", request.ContentEncoding));
        Assert.All(receiver.Exports.Where(request => request.Path == OtlpHttpReceiver.MetricsPath), request => Assert.Null(request.ContentEncoding));
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "grcp")]
    public async Task A_protocol_the_exporter_does_not_speak_is_refused_rather_than_replaced_by_grpc(string name, string protocol)
    {
        await using var receiver = OtlpHttpReceiver.Start();

        var error = Assert.Throws<InvalidOperationException>(() => TelemetryExport.Start("quant", ExportSettings.For(receiver, (name, protocol))));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(protocol, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:4318")]
    [InlineData("collector:4317")]
    [InlineData("/v1/traces")]
    public void An_endpoint_that_is_not_an_http_URI_is_refused_rather_than_ignored(string endpoint)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TelemetryExport.Start("quant", ExportSettings.Of(("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint))));

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", error.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var export = TelemetryExport.Start("quant", ExportSettings.For(receiver));
        Assert.NotNull(export);

        export.Dispose();
        export.Dispose();
    }
}
