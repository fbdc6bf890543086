using Microsoft.Extensions.Logging;

namespace QuantCluster.Silo;

internal static partial class SiloHostLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot open the database yet ({Error}); trying again")]
    public static partial void WaitingForDatabase(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} is running {Workers} evaluation worker(s); SIGTERM or Ctrl+C leaves cleanly")]
    public static partial void Started(ILogger logger, string siloId, int workers);
}
