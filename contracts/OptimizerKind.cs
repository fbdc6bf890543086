namespace QuantCluster.Contracts;

/// <summary>How a job chooses the parameter sets it evaluates.</summary>
public enum OptimizerKind
{
    /// <summary>Every combination of the axes that keeps the strategy's constraints.</summary>
    Grid,

    /// <summary><see cref="JobSpec.Samples"/> distinct combinations drawn with <see cref="JobSpec.Seed"/>.</summary>
    Random,

    /// <summary>A genetic search over the grid's combinations (<see cref="JobSpec.Genetic"/>), seeded by <see cref="JobSpec.Seed"/>.</summary>
    Genetic,
}
