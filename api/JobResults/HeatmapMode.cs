namespace QuantCluster.Api.JobResults;

/// <summary>What a heatmap cell shows over the parameters that are not its two axes.</summary>
public enum HeatmapMode
{
    /// <summary>The objective with the other parameters fixed at the best set's values.</summary>
    Fixed,

    /// <summary>The best objective over the other parameters (the largest when maximised, the smallest when minimised).</summary>
    Best,

    /// <summary>The mean objective over the other parameters' qualifying sets.</summary>
    Mean,
}
