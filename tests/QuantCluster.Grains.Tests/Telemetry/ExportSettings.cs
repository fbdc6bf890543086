using Microsoft.Extensions.Configuration;

namespace QuantCluster.Grains.Tests.Telemetry;

/// <summary>
/// OTEL_* settings handed to TelemetryExport as configuration instead of through the process environment,
/// which every test shares.
/// </summary>
internal static class ExportSettings
{
    /// <summary>Settings that point the exporter at <paramref name="receiver"/>, with <paramref name="overrides"/> on top (a null value removes a setting).</summary>
    public static IConfiguration For(OtlpHttpReceiver receiver, params (string Name, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(receiver.ExporterVariables, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            settings[name] = value;
        }

        return Of(settings.Where(setting => setting.Value is not null).Select(setting => (setting.Key, setting.Value)).ToArray());
    }

    public static IConfiguration Of(params (string Name, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Name, setting.Value)))
            .Build();
}
