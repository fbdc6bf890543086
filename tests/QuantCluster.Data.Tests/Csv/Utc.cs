using System.Globalization;

namespace QuantCluster.Data.Tests.Csv;

/// <summary>Expected timestamps, written as ISO-8601 text and converted by the framework rather than by the code under test.</summary>
internal static class Utc
{
    public static long Microseconds(string iso) =>
        (DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks - DateTime.UnixEpoch.Ticks)
        / TimeSpan.TicksPerMicrosecond;
}
