using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuantCluster.Client.Output;

/// <summary>JSON as the commands print it: one object, snake_case names, non-finite numbers as null.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    public static JsonObject Metrics(Contracts.Metrics metrics)
    {
        var json = new JsonObject();
        foreach (var (name, value) in metrics.Named())
        {
            json[name] = name is "fills" or "trades" ? JsonValue.Create((long)value) : Number(value);
        }

        return json;
    }

    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(Options));
}
