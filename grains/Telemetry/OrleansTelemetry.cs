namespace QuantCluster.Grains.Telemetry;

/// <summary>
/// The names Orleans publishes its own telemetry under: grain-call spans (application calls, and the
/// runtime's own such as activation and storage) and its meter (activations, messages, membership).
/// Exported beside ours, so a trace runs from the client's submit through the job grain's calls.
/// </summary>
public static class OrleansTelemetry
{
    public static string[] ActivitySources { get; } = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    public const string Meter = "Microsoft.Orleans";
}
