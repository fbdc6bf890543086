using System.Text.Json.Nodes;

namespace QuantCluster.Tests.Shared;

/// <summary>How a `quant` run ended: its exit code and everything it printed.</summary>
internal sealed record QuantRun(int ExitCode, string Output, string Error)
{
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException($"No JSON in: {Output}");

    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}
