namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>One received span. Ids are lowercase hex, as <c>ActivityTraceId.ToHexString()</c> writes them.</summary>
/// <param name="ResourceAttributes">The attributes of the sender's resource, values rendered as text.</param>
/// <param name="ScopeName">The instrumentation scope: the ActivitySource's name.</param>
/// <param name="ParentSpanId">The parent's span id, or empty for a root span.</param>
/// <param name="Attributes">The span's attributes, values rendered as text.</param>
internal sealed record ReceivedSpan(
    IReadOnlyDictionary<string, string> ResourceAttributes,
    string ScopeName,
    string Name,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The sender's service.name resource attribute, or null when it sent none.</summary>
    public string? ServiceName => ResourceAttributes.GetValueOrDefault(OtlpCommonDecoder.ServiceNameAttribute);

    public bool IsRoot => ParentSpanId.Length == 0;
}
