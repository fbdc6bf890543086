namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>One export request as it came over the wire, accepted or refused.</summary>
/// <param name="Path">The request path: /v1/traces, /v1/metrics, or whatever else a sender posted to.</param>
/// <param name="ContentEncoding">The Content-Encoding header (gzip when the sender compressed), or null.</param>
/// <param name="BodyBytes">The size of the body as sent, before decompression.</param>
/// <param name="StatusCode">The HTTP status the receiver answered.</param>
/// <param name="Refusal">Why the receiver refused the request, or null when it accepted it.</param>
internal sealed record ReceivedExport(string Path, string? ContentEncoding, long BodyBytes, int StatusCode, string? Refusal);
