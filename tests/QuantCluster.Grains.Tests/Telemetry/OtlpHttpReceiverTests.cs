using System.Net;
using System.Net.Http.Headers;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Tests.Telemetry;

/// <summary>The test receiver itself: several exporters at once, and requests that are not OTLP protobuf.</summary>
public sealed class OtlpHttpReceiverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Exports_arriving_at_the_same_time_are_all_received()
    {
        const int Exporters = 8;
        await using var receiver = OtlpHttpReceiver.Start();
        var run = new TelemetryRun();
        var exports = Enumerable.Range(0, Exporters)
            .Select(index => TelemetryExport.Start($"quant-{index}", ExportSettings.For(receiver)))
            .ToList();
        try
        {
            // Every exporter sees every span, so each of them sends both spans and every metric.
            run.RecordPhaseWithBatch();
            run.RecordEveryInstrument();
        }
        finally
        {
            // Dispose blocks until its exports are answered: on pool threads, eight of them would starve the
            // pool that the receiver in this same process answers on, so each gets a thread of its own.
            await Task.WhenAll(exports.Select(export =>
                Task.Factory.StartNew(() => export?.Dispose(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        }

        var spans = await receiver.WaitForSpansAsync(run.Made, 2 * Exporters, Patience);
        Assert.Equal(Exporters, spans.Select(span => span.ServiceName).Distinct().Count());
        Assert.Equal(Exporters, receiver.Metrics.Where(metric => metric.Name == "quant.evaluations").Select(metric => metric.ServiceName).Distinct().Count());
        Assert.All(receiver.Exports, request => Assert.Equal((int)HttpStatusCode.OK, request.StatusCode));
    }

    [Fact]
    public async Task Requests_that_are_not_OTLP_protobuf_are_refused_and_recorded()
    {
        await using var receiver = OtlpHttpReceiver.Start();
        using var client = new HttpClient { BaseAddress = receiver.Endpoint };

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync(client, "/v1/traces", "application/json", "{}"u8.ToArray()));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(client, "/v1/logs", "application/x-protobuf", []));
        // A field of 5 bytes in a 3-byte message.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(client, "/v1/traces", "application/x-protobuf", [0x0A, 0x05, 0x01]));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync(new Uri("/v1/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, "/v1/metrics", "application/x-protobuf", []));

        Assert.Equal([415, 404, 400, 405, 200], receiver.Exports.Select(request => request.StatusCode));
        Assert.All(receiver.Exports.SkipLast(1), request => Assert.NotNull(request.Refusal));
        Assert.Empty(receiver.Spans);
        Assert.Empty(receiver.Metrics);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string path, string contentType, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return response.StatusCode;
    }
}
