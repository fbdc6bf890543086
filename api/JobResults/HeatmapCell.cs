namespace QuantCluster.Api.JobResults;

/// <summary>One cell: the indices of its x and y values, its objective, and how many qualifying sets it stands for.</summary>
public sealed record HeatmapCell(int X, int Y, double Value, int Sets);
