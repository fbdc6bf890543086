using Microsoft.Extensions.Logging;

namespace QuantCluster.Grains.Workers;

/// <summary>What the evaluation workers say in the silo's log, as source-generated messages.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Workers} evaluation worker(s) started on {Silo}")]
    public static partial void Started(ILogger logger, int workers, Orleans.Runtime.SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation workers on {Silo} stopped claiming; the items in hand are finished")]
    public static partial void Stopped(ILogger logger, Orleans.Runtime.SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A worker could not {Action}, retrying: {Error}")]
    public static partial void Retrying(ILogger logger, string action, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemIndex} of job {JobId} failed: {Error}")]
    public static partial void ItemFailed(ILogger logger, long itemIndex, Guid jobId, string error);
}
