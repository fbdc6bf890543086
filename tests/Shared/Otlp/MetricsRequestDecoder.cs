namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>
/// Decodes an ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1) into the metrics it
/// carries, each with its data points and its batch's resource and scope. Fields this receiver does not
/// expose (timestamps, buckets, exemplars) are skipped.
/// </summary>
internal static class MetricsRequestDecoder
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }</summary>
    public static List<ReceivedMetric> Decode(ReadOnlySpan<byte> request)
    {
        var metrics = new List<ReceivedMetric>();
        var reader = new ProtobufReader(request);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                metrics.AddRange(ReadResourceMetrics(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return metrics;
    }

    /// <summary>ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; string schema_url = 3; }</summary>
    private static IEnumerable<ReceivedMetric> ReadResourceMetrics(ReadOnlySpan<byte> message)
    {
        // Protobuf does not order fields, so the resource may come after the metrics: they are given it at the end.
        var resource = NoAttributes;
        var metrics = new List<ReceivedMetric>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                resource = OtlpCommonDecoder.ReadResource(reader.ReadLengthDelimited());
            }
            else if (field == 2 && wireType == WireType.LengthDelimited)
            {
                metrics.AddRange(ReadScopeMetrics(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return metrics.Select(metric => metric with { ResourceAttributes = resource });
    }

    /// <summary>ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; string schema_url = 3; }</summary>
    private static IEnumerable<ReceivedMetric> ReadScopeMetrics(ReadOnlySpan<byte> message)
    {
        string scope = "";
        var metrics = new List<ReceivedMetric>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                scope = OtlpCommonDecoder.ReadScopeName(reader.ReadLengthDelimited());
            }
            else if (field == 2 && wireType == WireType.LengthDelimited)
            {
                metrics.Add(ReadMetric(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return metrics.Select(metric => metric with { ScopeName = scope });
    }

    /// <summary>
    /// Metric { string name = 1; string description = 2; string unit = 3; oneof data { Gauge gauge = 5;
    /// Sum sum = 7; Histogram histogram = 9; ExponentialHistogram exponential_histogram = 10;
    /// Summary summary = 11; } repeated KeyValue metadata = 12; }
    /// </summary>
    private static ReceivedMetric ReadMetric(ReadOnlySpan<byte> message)
    {
        string name = "", unit = "";
        var kind = MetricKind.None;
        var points = new List<ReceivedDataPoint>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    name = reader.ReadString();
                    break;
                case (3, WireType.LengthDelimited):
                    unit = reader.ReadString();
                    break;
                case (5, WireType.LengthDelimited):
                    kind = MetricKind.Gauge;
                    points = ReadDataPoints(reader.ReadLengthDelimited(), ReadNumberDataPoint);
                    break;
                case (7, WireType.LengthDelimited):
                    kind = MetricKind.Sum;
                    points = ReadDataPoints(reader.ReadLengthDelimited(), ReadNumberDataPoint);
                    break;
                case (9, WireType.LengthDelimited):
                    kind = MetricKind.Histogram;
                    points = ReadDataPoints(reader.ReadLengthDelimited(), ReadHistogramDataPoint);
                    break;
                case (10, WireType.LengthDelimited):
                    kind = MetricKind.ExponentialHistogram;
                    points = ReadDataPoints(reader.ReadLengthDelimited(), ReadExponentialHistogramDataPoint);
                    break;
                case (11, WireType.LengthDelimited):
                    kind = MetricKind.Summary;
                    points = ReadDataPoints(reader.ReadLengthDelimited(), ReadSummaryDataPoint);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ReceivedMetric(NoAttributes, "", name, unit, kind, points);
    }

    /// <summary>Gauge, Sum, Histogram, ExponentialHistogram and Summary all hold their points in field 1.</summary>
    private static List<ReceivedDataPoint> ReadDataPoints(ReadOnlySpan<byte> message, Func<ReadOnlySpan<byte>, ReceivedDataPoint> readPoint)
    {
        var points = new List<ReceivedDataPoint>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                points.Add(readPoint(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return points;
    }

    /// <summary>
    /// NumberDataPoint { fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3; double as_double = 4;
    /// repeated Exemplar exemplars = 5; sfixed64 as_int = 6; repeated KeyValue attributes = 7; uint32 flags = 8; }
    /// </summary>
    private static ReceivedDataPoint ReadNumberDataPoint(ReadOnlySpan<byte> message)
    {
        double? value = null;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            switch (field, wireType)
            {
                case (4, WireType.Fixed64):
                    value = reader.ReadDouble();
                    break;
                case (6, WireType.Fixed64):
                    value = (long)reader.ReadFixed64();
                    break;
                case (7, WireType.LengthDelimited):
                    OtlpCommonDecoder.ReadKeyValue(reader.ReadLengthDelimited(), attributes);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ReceivedDataPoint(attributes, value, Count: null);
    }

    /// <summary>HistogramDataPoint { fixed64 count = 4; ... repeated KeyValue attributes = 9; ... }</summary>
    private static ReceivedDataPoint ReadHistogramDataPoint(ReadOnlySpan<byte> message) =>
        ReadCountedDataPoint(message, countField: 4, attributesField: 9);

    /// <summary>ExponentialHistogramDataPoint { repeated KeyValue attributes = 1; ... fixed64 count = 4; ... }</summary>
    private static ReceivedDataPoint ReadExponentialHistogramDataPoint(ReadOnlySpan<byte> message) =>
        ReadCountedDataPoint(message, countField: 4, attributesField: 1);

    /// <summary>SummaryDataPoint { ... fixed64 count = 4; double sum = 5; ... repeated KeyValue attributes = 7; }</summary>
    private static ReceivedDataPoint ReadSummaryDataPoint(ReadOnlySpan<byte> message) =>
        ReadCountedDataPoint(message, countField: 4, attributesField: 7);

    private static ReceivedDataPoint ReadCountedDataPoint(ReadOnlySpan<byte> message, int countField, int attributesField)
    {
        ulong? count = null;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == countField && wireType == WireType.Fixed64)
            {
                count = reader.ReadFixed64();
            }
            else if (field == attributesField && wireType == WireType.LengthDelimited)
            {
                OtlpCommonDecoder.ReadKeyValue(reader.ReadLengthDelimited(), attributes);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new ReceivedDataPoint(attributes, Value: null, count);
    }
}
