using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantCluster.Grains.Serialization;

/// <summary>
/// How specs, parameters and metrics are written to jsonb. Metrics can be infinite (a profit factor
/// with no losing trade), which plain JSON cannot hold, so they travel as "Infinity" strings.
/// </summary>
public static class ClusterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");
}
