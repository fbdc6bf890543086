using System.Text.Json;
using System.Text.Json.Serialization;
using QuantCluster.Grains.Serialization;

namespace QuantCluster.Api;

/// <summary>
/// The API's JSON: the cluster's own (<see cref="ClusterJson"/>: camelCase, infinite metrics as "Infinity"),
/// with enums by name ("grid", "next_open", "completed") in both directions; numbers are accepted too.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(ClusterJson.Options));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = ClusterJson.Options.PropertyNamingPolicy;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = ClusterJson.Options.NumberHandling;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
