namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>
/// Decodes an ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1) into the spans it carries,
/// each with its batch's resource and scope. Fields this receiver does not expose are skipped.
/// </summary>
internal static class TraceRequestDecoder
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }</summary>
    public static List<ReceivedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(request);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                spans.AddRange(ReadResourceSpans(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return spans;
    }

    /// <summary>ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; string schema_url = 3; }</summary>
    private static IEnumerable<ReceivedSpan> ReadResourceSpans(ReadOnlySpan<byte> message)
    {
        // Protobuf does not order fields, so the resource may come after the spans: they are given it at the end.
        var resource = NoAttributes;
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                resource = OtlpCommonDecoder.ReadResource(reader.ReadLengthDelimited());
            }
            else if (field == 2 && wireType == WireType.LengthDelimited)
            {
                spans.AddRange(ReadScopeSpans(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return spans.Select(span => span with { ResourceAttributes = resource });
    }

    /// <summary>ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; string schema_url = 3; }</summary>
    private static IEnumerable<ReceivedSpan> ReadScopeSpans(ReadOnlySpan<byte> message)
    {
        string scope = "";
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                scope = OtlpCommonDecoder.ReadScopeName(reader.ReadLengthDelimited());
            }
            else if (field == 2 && wireType == WireType.LengthDelimited)
            {
                spans.Add(ReadSpan(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return spans.Select(span => span with { ScopeName = scope });
    }

    /// <summary>
    /// Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4;
    /// string name = 5; SpanKind kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
    /// repeated KeyValue attributes = 9; ... Status status = 15; fixed32 flags = 16; }
    /// </summary>
    private static ReceivedSpan ReadSpan(ReadOnlySpan<byte> message)
    {
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, WireType.LengthDelimited):
                    traceId = OtlpCommonDecoder.ToHex(reader.ReadLengthDelimited());
                    break;
                case (2, WireType.LengthDelimited):
                    spanId = OtlpCommonDecoder.ToHex(reader.ReadLengthDelimited());
                    break;
                case (4, WireType.LengthDelimited):
                    parentSpanId = OtlpCommonDecoder.ToHex(reader.ReadLengthDelimited());
                    break;
                case (5, WireType.LengthDelimited):
                    name = reader.ReadString();
                    break;
                case (9, WireType.LengthDelimited):
                    OtlpCommonDecoder.ReadKeyValue(reader.ReadLengthDelimited(), attributes);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ReceivedSpan(NoAttributes, "", name, traceId, spanId, parentSpanId, attributes);
    }
}
