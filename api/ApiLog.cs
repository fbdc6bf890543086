using Microsoft.Extensions.Logging;

namespace QuantCluster.Api;

internal static partial class ApiLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    public static partial void PageMissing(ILogger logger, string reason);
}
