namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>
/// One metric of one export request. A cumulative metric arrives again with every export, so the same name
/// appears once per request that carried it.
/// </summary>
/// <param name="ResourceAttributes">The attributes of the sender's resource, values rendered as text.</param>
/// <param name="ScopeName">The instrumentation scope: the Meter's name.</param>
internal sealed record ReceivedMetric(
    IReadOnlyDictionary<string, string> ResourceAttributes,
    string ScopeName,
    string Name,
    string Unit,
    MetricKind Kind,
    IReadOnlyList<ReceivedDataPoint> DataPoints)
{
    /// <summary>The sender's service.name resource attribute, or null when it sent none.</summary>
    public string? ServiceName => ResourceAttributes.GetValueOrDefault(OtlpCommonDecoder.ServiceNameAttribute);
}
