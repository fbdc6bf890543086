using Microsoft.Extensions.Logging;
using QuantCluster.Contracts;

namespace QuantCluster.Grains.Jobs;

/// <summary>What job grains say in the silo's log, as source-generated messages.</summary>
internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started: {Positions} positions in {Items} items of {Sets} sets over {Bars} bars")]
    public static partial void Started(ILogger logger, Guid jobId, long positions, long items, int sets, int bars);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} resumed on this silo: {Done} of {Items} items done")]
    public static partial void Resumed(ILogger logger, Guid jobId, long done, long items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} cannot start: {Error}")]
    public static partial void CannotStart(ILogger logger, Guid jobId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ended {Status}: {Evaluated} parameter sets evaluated")]
    public static partial void Ended(ILogger logger, Guid jobId, JobStatus status, long evaluated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} hands out again {Items} item(s) of silos declared dead")]
    public static partial void Reassigned(ILogger logger, Guid jobId, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemIndex} of job {JobId} failed (attempt {Attempt}): {Error}")]
    public static partial void ItemFailed(ILogger logger, long itemIndex, Guid jobId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} could not {Action}; it tries again: {Error}")]
    public static partial void Deferred(ILogger logger, Guid jobId, string action, string error);
}
