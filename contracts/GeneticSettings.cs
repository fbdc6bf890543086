namespace QuantCluster.Contracts;

/// <summary>
/// How a genetic search breeds: population and generations, the chance that two parents cross,
/// each gene's chance to mutate, how many of the best pass unchanged to the next generation, the
/// tournament size, and the generations without improvement after which it stops.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.GeneticSettings")]
public sealed record GeneticSettings
{
    [Id(0)]
    public int Population { get; init; } = 100;

    [Id(1)]
    public int Generations { get; init; } = 45;

    [Id(2)]
    public double CrossoverRate { get; init; } = 0.9;

    /// <summary>Each gene's chance to mutate in a child.</summary>
    [Id(3)]
    public double MutationRate { get; init; } = 0.5;

    /// <summary>The best genomes copied unchanged into the next generation.</summary>
    [Id(4)]
    public int Elites { get; init; } = 2;

    [Id(5)]
    public int TournamentSize { get; init; } = 3;

    /// <summary>Generations without a better best after which the search stops; 0 runs every generation.</summary>
    [Id(6)]
    public int Patience { get; init; } = 20;

    /// <summary>Throws with a message naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        Require(Population is >= 4 and <= 100_000, $"--population must be between 4 and 100,000; got {Population:N0}.");
        Require(Generations is >= 1 and <= 10_000, $"--generations must be between 1 and 10,000; got {Generations:N0}.");
        Require(CrossoverRate is >= 0 and <= 1, $"--crossover-rate must be between 0 and 1; got {CrossoverRate}.");
        Require(MutationRate is >= 0 and <= 1, $"--mutation-rate must be between 0 and 1; got {MutationRate}.");
        Require(Elites >= 0 && Elites < Population, $"--elites must be at least 0 and below the population ({Population:N0}); got {Elites:N0}.");
        Require(TournamentSize >= 1 && TournamentSize <= Population, $"--tournament must be between 1 and the population ({Population:N0}); got {TournamentSize:N0}.");
        Require(Patience >= 0, $"--patience must be 0 (off) or a number of generations; got {Patience:N0}.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
