using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>
/// A real OTLP/HTTP receiver (binary protobuf, as OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf sends it) on a free
/// localhost port, so that a test checks what an exporter put on the wire rather than what it meant to send.
/// It accepts POST /v1/traces and /v1/metrics, plain or gzip-compressed, answers 200 with an empty response
/// message, and keeps the decoded spans and metrics. Requests are handled concurrently, so several processes
/// can export to one receiver; everything it exposes is a snapshot, safe to read while exports arrive. A
/// span or metric is recorded before its request is answered, so once an exporter's flush returns, what it
/// sent is already here. Needs nothing beyond the base library, so any test project can link it.
/// HttpListener answers on the thread pool: a test in the same process that blocks pool threads on exports to
/// this receiver (Task.Run(() => export.Dispose()) many times over) starves it, and exports then wait seconds.
/// </summary>
internal sealed class OtlpHttpReceiver : IAsyncDisposable, IDisposable
{
    public const string TracesPath = "/v1/traces";
    public const string MetricsPath = "/v1/metrics";

    private const string ProtobufContentType = "application/x-protobuf";
    private const int PortAttempts = 5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly HttpListener _listener;
    private readonly Task _accepting;
    private readonly Lock _gate = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly List<ReceivedMetric> _metrics = [];
    private readonly List<ReceivedExport> _exports = [];
    private readonly List<Task> _handlers = [];
    private int _disposed;

    private OtlpHttpReceiver(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The base endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT takes it (the exporter appends /v1/traces and /v1/metrics).</summary>
    public Uri Endpoint { get; }

    /// <summary>The full traces URL, as OTEL_EXPORTER_OTLP_TRACES_ENDPOINT takes it (used as given).</summary>
    public Uri TracesEndpoint => new(Endpoint, TracesPath);

    /// <summary>The full metrics URL, as OTEL_EXPORTER_OTLP_METRICS_ENDPOINT takes it (used as given).</summary>
    public Uri MetricsEndpoint => new(Endpoint, MetricsPath);

    /// <summary>
    /// The OTEL_* settings that point an exporter here: for a child process's environment or an in-memory
    /// configuration. A test adds its own (service name, export interval) beside them.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ExporterVariables => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.GetLeftPart(UriPartial.Authority),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    /// <summary>Every span received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Every metric received so far, once per request that carried it, in arrival order.</summary>
    public IReadOnlyList<ReceivedMetric> Metrics
    {
        get
        {
            lock (_gate)
            {
                return [.. _metrics];
            }
        }
    }

    /// <summary>Every request answered so far, accepted or refused, in the order answered.</summary>
    public IReadOnlyList<ReceivedExport> Exports
    {
        get
        {
            lock (_gate)
            {
                return [.. _exports];
            }
        }
    }

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public static OtlpHttpReceiver Start()
    {
        // HttpListener cannot listen on port 0, so it takes a port the system just handed out and released;
        // another process may take that port in between, hence the few attempts.
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            try
            {
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                listener.Start();
                return new OtlpHttpReceiver(listener, port);
            }
            catch (HttpListenerException) when (attempt < PortAttempts)
            {
                listener.Close();
            }
            catch
            {
                listener.Close();
                throw;
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; on timeout, throws with what did arrive.</summary>
    public async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed >= timeout)
            {
                throw new TimeoutException($"What the test waited for did not reach the OTLP receiver within {timeout.TotalSeconds:0.#} s. {Describe()}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> spans match, and returns every span that matches.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(Func<ReceivedSpan, bool> match, int count, TimeSpan timeout)
    {
        await WaitForAsync(() => Spans.Count(match) >= count, timeout);
        return [.. Spans.Where(match)];
    }

    /// <summary>Waits until every metric named has arrived at least once, and returns every metric received under those names.</summary>
    public async Task<IReadOnlyList<ReceivedMetric>> WaitForMetricsAsync(IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        await WaitForAsync(() => names.All(name => Metrics.Any(metric => metric.Name == name)), timeout);
        return [.. Metrics.Where(metric => names.Contains(metric.Name))];
    }

    /// <summary>What has arrived so far, for failure messages.</summary>
    public string Describe()
    {
        IReadOnlyList<ReceivedSpan> spans;
        IReadOnlyList<ReceivedMetric> metrics;
        IReadOnlyList<ReceivedExport> exports;
        lock (_gate)
        {
            spans = [.. _spans];
            metrics = [.. _metrics];
            exports = [.. _exports];
        }

        var refusals = exports.Where(export => export.Refusal is not null)
            .Select(export => $"{export.Path}: {export.StatusCode} {export.Refusal}");
        return $"Received {exports.Count} requests; {spans.Count} spans [{string.Join(", ", spans.Select(span => span.Name).Distinct())}]; "
            + $"metrics [{string.Join(", ", metrics.Select(metric => metric.Name).Distinct())}]; "
            + $"refused [{string.Join("; ", refusals)}].";
    }

    /// <summary>Stops listening, then waits for the requests being handled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _listener.Close();
        await _accepting;
        Task[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        await Task.WhenAll(handlers);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing the listener ends the wait for the next request this way.
                return;
            }

            var handler = Task.Run(() => HandleAsync(context));
            lock (_gate)
            {
                _handlers.RemoveAll(done => done.IsCompleted);
                _handlers.Add(handler);
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string path = request.Url?.AbsolutePath ?? "";
        string? encoding = request.Headers["Content-Encoding"];
        long bodyBytes = 0;
        int status;
        string? refusal;
        try
        {
            byte[] body = await ReadBodyAsync(request);
            bodyBytes = body.Length;
            (status, refusal) = Receive(request.HttpMethod, path, request.ContentType, encoding, body);
        }
#pragma warning disable CA1031 // A decoding bug must reach the test as a refused request, not vanish on a thread-pool thread.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            (status, refusal) = ((int)HttpStatusCode.InternalServerError, $"{failure.GetType().Name}: {failure.Message}");
        }

        lock (_gate)
        {
            _exports.Add(new ReceivedExport(path, encoding, bodyBytes, status, refusal));
        }

        await AnswerAsync(context.Response, status, refusal);
    }

    /// <summary>Checks and decodes one request, recording what it carried; returns the status to answer and why it was refused.</summary>
    private (int Status, string? Refusal) Receive(string method, string path, string? contentType, string? encoding, byte[] body)
    {
        if (method != "POST")
        {
            return ((int)HttpStatusCode.MethodNotAllowed, $"{method} instead of POST");
        }

        if (path != TracesPath && path != MetricsPath)
        {
            return ((int)HttpStatusCode.NotFound, $"no OTLP signal at {path} (this receiver takes {TracesPath} and {MetricsPath})");
        }

        string mediaType = contentType?.Split(';')[0].Trim() ?? "";
        if (!mediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return ((int)HttpStatusCode.UnsupportedMediaType, $"Content-Type '{contentType}' (this receiver takes {ProtobufContentType} only, not OTLP/JSON)");
        }

        byte[] message;
        try
        {
            message = encoding switch
            {
                null or "" or "identity" => body,
                _ when encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) => Gunzip(body),
                _ => throw new InvalidDataException($"Content-Encoding '{encoding}' is not supported (gzip is)"),
            };

            if (path == TracesPath)
            {
                var spans = TraceRequestDecoder.Decode(message);
                lock (_gate)
                {
                    _spans.AddRange(spans);
                }
            }
            else
            {
                var metrics = MetricsRequestDecoder.Decode(message);
                lock (_gate)
                {
                    _metrics.AddRange(metrics);
                }
            }
        }
        catch (InvalidDataException malformed)
        {
            return ((int)HttpStatusCode.BadRequest, malformed.Message);
        }

        return ((int)HttpStatusCode.OK, null);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        return body.ToArray();
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>An accepted request gets an empty Export*ServiceResponse: zero bytes of protobuf.</summary>
    private static async Task AnswerAsync(HttpListenerResponse response, int status, string? refusal)
    {
        try
        {
            response.StatusCode = status;
            byte[] body = refusal is null ? [] : Encoding.UTF8.GetBytes(refusal);
            response.ContentType = refusal is null ? ProtobufContentType : "text/plain; charset=utf-8";
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
        catch (Exception gone) when (gone is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The sender gave up waiting, or the receiver is closing: there is nobody left to answer.
        }
    }
}
