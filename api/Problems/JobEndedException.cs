namespace QuantCluster.Api.Problems;

/// <summary>A job asked to do what only a job under way can (be cancelled) had already ended.</summary>
internal sealed class JobEndedException(string message) : Exception(message);
