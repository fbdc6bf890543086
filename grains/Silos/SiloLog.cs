using Microsoft.Extensions.Logging;

namespace QuantCluster.Grains.Silos;

/// <summary>Everything a silo says in its log, as source-generated messages (no boxing or formatting when the level is off).</summary>
internal static partial class SiloLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} joined with {Workers} worker(s)")]
    public static partial void Joined(ILogger logger, string siloId, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} left the cluster")]
    public static partial void Left(ILogger logger, string siloId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloId} could not leave cleanly; the others will declare it dead: {Error}")]
    public static partial void CouldNotLeave(ILogger logger, string siloId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloId} cannot reach the store ({Purpose}), retrying: {Error}")]
    public static partial void StoreUnreachable(ILogger logger, string siloId, string purpose, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloId} was declared dead while out of touch; joining again")]
    public static partial void Rejoining(ILogger logger, string siloId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Dead} missed its heartbeats and was declared dead by {SiloId}")]
    public static partial void DeclaredDead(ILogger logger, string dead, string siloId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} owns job {JobId} (phase {Phase})")]
    public static partial void Owns(ILogger logger, string siloId, Guid jobId, int phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started: {Positions} positions in {Items} items of {Sets} sets over {Bars} bars, {Phases} phase(s)")]
    public static partial void JobStarted(ILogger logger, Guid jobId, long positions, long items, int sets, int bars, int phases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} cannot start: {Error}")]
    public static partial void JobCannotStart(ILogger logger, Guid jobId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ended {Status}: {Evaluated} parameter sets evaluated")]
    public static partial void JobEnded(ILogger logger, Guid jobId, QuantCluster.Contracts.JobStatus status, long evaluated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemIndex} of job {JobId} failed: {Error}")]
    public static partial void ItemFailed(ILogger logger, long itemIndex, Guid jobId, string error);
}
