namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>Which of OTLP's metric data types a received metric carried.</summary>
internal enum MetricKind
{
    /// <summary>The metric carried no data (the sender left the oneof unset).</summary>
    None = 0,
    Gauge,
    Sum,
    Histogram,
    ExponentialHistogram,
    Summary,
}
