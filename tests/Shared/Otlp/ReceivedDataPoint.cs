namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>One data point of a received metric.</summary>
/// <param name="Attributes">The point's attributes, values rendered as text.</param>
/// <param name="Value">The value of a gauge or sum point (an integer point converted); null for histograms and summaries.</param>
/// <param name="Count">The number of measurements of a histogram or summary point; null for gauges and sums.</param>
internal sealed record ReceivedDataPoint(IReadOnlyDictionary<string, string> Attributes, double? Value, ulong? Count);
