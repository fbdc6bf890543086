using Microsoft.Extensions.Logging;

namespace QuantCluster.Silo;

/// <summary>What the silo host says in its log, as source-generated messages.</summary>
internal static partial class SiloHostLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot bring the database up to date yet ({Error}); trying again")]
    public static partial void WaitingForDatabase(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema up to date ({Applied} migration(s) applied by this silo)")]
    public static partial void Migrated(ILogger logger, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans dashboard on http://{Address}:{Port}/")]
    public static partial void Dashboard(ILogger logger, string address, int port);
}
