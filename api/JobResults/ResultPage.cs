using QuantCluster.Api.Jobs;

namespace QuantCluster.Api.JobResults;

/// <summary>A page of a job's results in enumeration order; <paramref name="Total"/> is how many the job has evaluated.</summary>
public sealed record ResultPage(long Offset, int Limit, long Total, IReadOnlyList<ResultView> Results);
