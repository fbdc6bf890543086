using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace QuantCluster.Grains.Telemetry;

/// <summary>
/// The OTEL_* settings that decide whether and where one signal (traces or metrics) is exported. The SDK's
/// AddOtlpExporter reads only the settings common to all signals (OTEL_EXPORTER_OTLP_*); the per-signal ones
/// (OTEL_EXPORTER_OTLP_TRACES_* and _METRICS_*: endpoint, protocol, headers, timeout, compression) are read
/// only by UseOtlpExporter of OpenTelemetry.Extensions.Hosting, which the registry lacks. So they are applied
/// here, over the common ones, as the specification orders them. A signal's own endpoint is used as given;
/// the SDK appends /v1/traces or /v1/metrics only to the common endpoint, and only under http/protobuf.
/// </summary>
internal sealed class SignalExporterSettings
{
    private const string Common = "OTEL_EXPORTER_OTLP_";

    private readonly string _prefix;
    private readonly string _exporterName;

    private SignalExporterSettings(string signal)
    {
        _prefix = $"{Common}{signal}_";
        _exporterName = $"OTEL_{signal}_EXPORTER";
    }

    public static SignalExporterSettings Traces { get; } = new("TRACES");

    public static SignalExporterSettings Metrics { get; } = new("METRICS");

    /// <summary>
    /// Whether this signal is exported: an endpoint is set (the signal's own or the common one) and
    /// OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER is not none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The endpoint is not an absolute http or https URI, or a
    /// protocol is neither grpc nor http/protobuf: the SDK would ignore either quietly and export over gRPC to
    /// localhost, so a typo would look like a collector that receives nothing.</exception>
    public bool IsEnabled(IConfiguration configuration)
    {
        string endpointName = Value(configuration, _prefix + "ENDPOINT") is null ? Common + "ENDPOINT" : _prefix + "ENDPOINT";
        if (Value(configuration, endpointName) is not { } endpoint)
        {
            return false;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{endpointName} is '{endpoint}', which is not an absolute http or https URI such as http://localhost:4318.");
        }

        foreach (string protocolName in new[] { Common + "PROTOCOL", _prefix + "PROTOCOL" })
        {
            if (Value(configuration, protocolName) is { } protocol)
            {
                ParseProtocol(protocolName, protocol);
            }
        }

        return !string.Equals(Value(configuration, _exporterName), "none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Overrides the common settings the SDK applied to <paramref name="options"/> with this signal's own.</summary>
    public void Apply(IConfiguration configuration, OtlpExporterOptions options)
    {
        if (Value(configuration, _prefix + "PROTOCOL") is { } protocol)
        {
            options.Protocol = ParseProtocol(_prefix + "PROTOCOL", protocol);
        }

        if (Value(configuration, _prefix + "ENDPOINT") is { } endpoint)
        {
            options.Endpoint = new Uri(endpoint, UriKind.Absolute);
        }

        if (Value(configuration, _prefix + "HEADERS") is { } headers)
        {
            options.Headers = headers;
        }

        if (Value(configuration, _prefix + "TIMEOUT") is { } timeout)
        {
            options.TimeoutMilliseconds = int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds)
                ? milliseconds
                : throw new InvalidOperationException($"{_prefix}TIMEOUT is '{timeout}', which is not a whole number of milliseconds.");
        }

        if (Value(configuration, _prefix + "COMPRESSION") is { } compression)
        {
            options.Compression = compression switch
            {
                "gzip" => OtlpExportCompression.GZip,
                "none" => OtlpExportCompression.None,
                _ => throw new InvalidOperationException($"{_prefix}COMPRESSION is '{compression}'; the exporter takes gzip or none."),
            };
        }
    }

    private static string? Value(IConfiguration configuration, string name) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    // Lowercase only, as the specification spells the values and the SDK matches them for the common setting.
    private static OtlpExportProtocol ParseProtocol(string name, string protocol) => protocol switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"{name} is '{protocol}'; the exporter speaks grpc or http/protobuf."),
    };
}
