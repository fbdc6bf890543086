using System.CommandLine;
using QuantCluster.Contracts;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>The genetic optimizer's breeding options, shared by `quant sweep` and `quant walkforward`.</summary>
internal sealed class GeneticOptions
{
    private static readonly GeneticSettings Defaults = new();

    public Option<int> Population { get; } = new("--population") { Description = $"Genomes per generation of the genetic optimizer (default {Defaults.Population}).", DefaultValueFactory = _ => Defaults.Population };

    public Option<int> Generations { get; } = new("--generations") { Description = $"Generations at most (default {Defaults.Generations}).", DefaultValueFactory = _ => Defaults.Generations };

    public Option<double> CrossoverRate { get; } = new("--crossover-rate") { Description = $"Chance that two parents cross rather than one being copied (default {Defaults.CrossoverRate}).", DefaultValueFactory = _ => Defaults.CrossoverRate };

    public Option<double> MutationRate { get; } = new("--mutation-rate") { Description = $"Each gene's chance to mutate in a child (default {Defaults.MutationRate}).", DefaultValueFactory = _ => Defaults.MutationRate };

    public Option<int> Elites { get; } = new("--elites") { Description = $"Best genomes copied unchanged into the next generation (default {Defaults.Elites}).", DefaultValueFactory = _ => Defaults.Elites };

    public Option<int> Tournament { get; } = new("--tournament") { Description = $"Genomes drawn per tournament when picking a parent (default {Defaults.TournamentSize}).", DefaultValueFactory = _ => Defaults.TournamentSize };

    public Option<int> Patience { get; } = new("--patience") { Description = $"Stop after this many generations without a better best; 0 runs them all (default {Defaults.Patience}).", DefaultValueFactory = _ => Defaults.Patience };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Population, Generations, CrossoverRate, MutationRate, Elites, Tournament, Patience })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The settings given, checked; null when the optimizer is not genetic and none was given.</summary>
    public GeneticSettings? Read(ParseResult parse, OptimizerKind optimizer)
    {
        var settings = new GeneticSettings
        {
            Population = parse.GetValue(Population),
            Generations = parse.GetValue(Generations),
            CrossoverRate = parse.GetValue(CrossoverRate),
            MutationRate = parse.GetValue(MutationRate),
            Elites = parse.GetValue(Elites),
            TournamentSize = parse.GetValue(Tournament),
            Patience = parse.GetValue(Patience),
        };
        if (optimizer != OptimizerKind.Genetic)
        {
            return settings == Defaults ? null : throw new ArgumentException("--population, --generations and the other breeding options are for --optimizer genetic.");
        }

        settings.Validate();
        return settings;
    }
}
