using System.Globalization;

namespace QuantCluster.Client.Output;

/// <summary>UTC microseconds as ISO-8601, the one way the console prints a time.</summary>
internal static class Timestamps
{
    public static string Format(long microseconds) =>
        DateTime.UnixEpoch.AddTicks(microseconds * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
