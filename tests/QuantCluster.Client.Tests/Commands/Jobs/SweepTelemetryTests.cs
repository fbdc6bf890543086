namespace QuantCluster.Client.Tests.Commands.Jobs;

public sealed class SweepTelemetryTests
{
    [Fact]
    public async Task A_sweeps_spans_share_the_submitters_trace_and_its_metrics_reach_the_collector()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        var environment = receiver.ExporterVariables.ToDictionary(v => v.Key, v => v.Value!);
        environment["OTEL_SERVICE_NAME"] = "quant-telemetry-test";

        var run = await QuantProcess.RunWithEnvironmentAsync(
            environment,
            "sweep", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("EURUSD.csv"),
            "--grid", "fast=5:30:5", "--grid", "slow=20:60:10", "--workers", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        var spans = receiver.Spans.Where(s => s.ServiceName == "quant-telemetry-test").ToArray();
        var submit = Assert.Single(spans, s => s.Name == "job.submit");
        var phases = spans.Where(s => s.Name == "job.phase").ToArray();
        var batches = spans.Where(s => s.Name == "batch.evaluate").ToArray();
        Assert.NotEmpty(phases);
        Assert.True(batches.Length > 1, $"expected the sweep cut into several batches, got {batches.Length}");
        Assert.All(phases.Concat(batches), s => Assert.Equal(submit.TraceId, s.TraceId));
        Assert.All(phases.Concat(batches), s => Assert.Equal(submit.SpanId, s.ParentSpanId));
        Assert.Equal(run.Json["job_id"]!.GetValue<string>(), submit.Attributes["job.id"]);

        var metrics = receiver.Metrics.Where(m => m.ServiceName == "quant-telemetry-test").Select(m => m.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "quant.evaluations", "quant.bar_evaluations", "quant.batch.duration", "quant.queue.depth", "quant.silos.active", "quant.bar_cache.misses", "quant.bar_cache.hits" },
            metrics);
        // Counters are cumulative: the last export holds the total.
        var evaluations = receiver.Metrics.Where(m => m.Name == "quant.evaluations" && m.ServiceName == "quant-telemetry-test")
            .SelectMany(m => m.DataPoints).Max(p => p.Value ?? 0);
        Assert.Equal(26, evaluations);
    }
}
