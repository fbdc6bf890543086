using QuantCluster.Contracts;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers.Genetic;

/// <summary>
/// A genetic search over a grid's combinations: tournament selection, blend crossover on ordered
/// genes and uniform crossover on categorical ones, per-gene mutation whose step shrinks from a
/// quarter of an axis to one step over the generations, elitism, and a stop after a plateau. A child
/// that breaks the strategy's constraints is mutated again, then replaced by a random valid genome,
/// so no invalid set is ever evaluated; a child already evaluated is mutated again a few times to look
/// somewhere new, and if it stays known its score is reused, never recomputed.
/// <para>
/// Scores are higher-is-better (a minimised objective is negated) and <see cref="double.NegativeInfinity"/>
/// for a set that does not qualify. Pure: the evaluation happens outside, between <see cref="Unscored"/>
/// and <see cref="Advance"/>, so the generations can be spread over a cluster; the random source of a
/// generation comes from the seed and its number alone, so any cluster gives the same answer.
/// </para>
/// </summary>
public sealed class GeneticSearch
{
    private const int NoveltyAttempts = 8;
    private const int RepairAttempts = 16;
    private const int RandomAttempts = 10_000;
    private const double FirstMutationScale = 0.25;
    private const double BlendAlpha = 0.5;
    private const double ImmigrantShare = 0.1;

    private readonly GeneSpace _space;
    private readonly ParameterGrid _grid;
    private readonly long _seed;

    /// <summary>Values of the longest axis: one step of it is the smallest mutation scale.</summary>
    private readonly int _longestAxis;

    public GeneticSearch(ParameterGrid grid, GeneticSettings settings, long seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (grid.Axes.Count == 0)
        {
            throw new StrategyParameterException("A genetic search needs at least one --grid axis to search.");
        }

        if (grid.Size < settings.Population)
        {
            throw new StrategyParameterException(
                $"The grid has {grid.Size:N0} combinations, fewer than a population of {settings.Population:N0}; evaluate it whole with --optimizer grid.");
        }

        _grid = grid;
        _space = new GeneSpace(grid);
        _seed = seed;
        _longestAxis = Enumerable.Range(0, _space.Genes).Max(_space.Size);
        Settings = settings;
    }

    public GeneticSettings Settings { get; }

    /// <summary>Generation 0: distinct valid genomes drawn at random.</summary>
    public GeneticState Start()
    {
        var random = RandomFor(0);
        return new GeneticState { Population = [.. RandomSearch.SampleIndices(_grid, Settings.Population, random)] };
    }

    /// <summary>The genomes of the current generation with no score yet, each once, in population order.</summary>
    public static IReadOnlyList<long> Unscored(GeneticState state) =>
        state.Finished ? [] : [.. state.Population.Where(g => !state.Scores.ContainsKey(g)).Distinct()];

    /// <summary>Takes the scores of <see cref="Unscored"/> (in its order), records the generation and breeds the next, or finishes.</summary>
    public void Advance(GeneticState state, IReadOnlyList<double> scores)
    {
        var unscored = Unscored(state);
        if (scores.Count != unscored.Count)
        {
            throw new ArgumentException($"{scores.Count} scores for {unscored.Count} unscored genomes.", nameof(scores));
        }

        for (int i = 0; i < unscored.Count; i++)
        {
            state.Scores[unscored[i]] = double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];
        }

        Record(state, unscored.Count);
        if (state.Generation + 1 >= Settings.Generations || (Settings.Patience > 0 && state.Stale >= Settings.Patience))
        {
            state.Finished = true;
            return;
        }

        state.Population = Breed(state, RandomFor(state.Generation + 1));
        state.Generation++;
    }

    /// <summary>The whole search with scores computed in-process: for tests and benchmarks; a cluster calls <see cref="Advance"/> per generation.</summary>
    public GeneticState Run(Func<IReadOnlyList<long>, IReadOnlyList<double>> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var state = Start();
        while (!state.Finished)
        {
            Advance(state, score(Unscored(state)));
        }

        return state;
    }

    /// <summary>The best genomes evaluated so far, best first; ties go to the lower grid index.</summary>
    public static IEnumerable<KeyValuePair<long, double>> Ranked(GeneticState state) =>
        state.Scores.Where(s => s.Value > double.NegativeInfinity).OrderByDescending(s => s.Value).ThenBy(s => s.Key);

    private static void Record(GeneticState state, int newEvaluations)
    {
        double best = double.NegativeInfinity, sum = 0;
        int qualified = 0;
        foreach (long genome in state.Population)
        {
            double score = state.Scores[genome];
            best = Math.Max(best, score);
            if (score > double.NegativeInfinity)
            {
                sum += score;
                qualified++;
            }
        }

        double before = state.History.Count > 0 ? state.History[^1].BestSoFar : double.NegativeInfinity;
        double bestSoFar = Math.Max(before, best);
        state.Stale = bestSoFar > before ? 0 : state.Stale + 1;
        state.History.Add(new GenerationRecord(state.Generation, best, qualified > 0 ? sum / qualified : double.NaN, bestSoFar, newEvaluations));
    }

    private List<long> Breed(GeneticState state, Random random)
    {
        var ranked = state.Population.Distinct().OrderByDescending(g => state.Scores[g]).ThenBy(g => g).ToArray();
        var next = new List<long>(Settings.Population);
        next.AddRange(ranked.Take(Settings.Elites));
        var inNext = new HashSet<long>(next);
        double scale = MutationScale(state.Generation + 1);

        // A few random newcomers each generation keep the search from settling on the first hill it finds.
        int immigrants = (int)(Settings.Population * ImmigrantShare);
        while (next.Count < Settings.Population - immigrants)
        {
            long first = Tournament(state, random), second = Tournament(state, random);
            long child = Child(first, second, scale, random);
            for (int attempt = 0; attempt < NoveltyAttempts && (state.Scores.ContainsKey(child) || inNext.Contains(child)); attempt++)
            {
                child = Mutant(child, Math.Max(scale, 2.0 / _longestAxis), random);
            }

            next.Add(child);
            inNext.Add(child);
        }

        while (next.Count < Settings.Population)
        {
            long newcomer = RandomValid(random);
            next.Add(newcomer);
            inNext.Add(newcomer);
        }

        return next;
    }

    private long Tournament(GeneticState state, Random random)
    {
        long winner = state.Population[random.Next(state.Population.Count)];
        for (int i = 1; i < Settings.TournamentSize; i++)
        {
            long rival = state.Population[random.Next(state.Population.Count)];
            double a = state.Scores[rival], b = state.Scores[winner];
            if (a > b || (a == b && rival < winner))
            {
                winner = rival;
            }
        }

        return winner;
    }

    /// <summary>A valid child of two parents: crossed (or a copy of the first), then mutated.</summary>
    private long Child(long first, long second, double scale, Random random)
    {
        int[] a = _space.Decode(first), b = _space.Decode(second);
        bool cross = random.NextDouble() < Settings.CrossoverRate;
        for (int attempt = 0; attempt < RepairAttempts; attempt++)
        {
            var genes = cross ? Cross(a, b, random) : (int[])a.Clone();
            Mutate(genes, scale, Settings.MutationRate, random);
            long child = _space.Encode(genes);
            if (_space.IsValid(child))
            {
                return child;
            }
        }

        return RandomValid(random);
    }

    /// <summary>The genome with at least one gene moved, valid; the genome itself when no valid move is found.</summary>
    private long Mutant(long genome, double scale, Random random)
    {
        for (int attempt = 0; attempt < RepairAttempts; attempt++)
        {
            var genes = _space.Decode(genome);
            Mutate(genes, scale, Settings.MutationRate, random);
            int forced = random.Next(_space.Genes);
            genes[forced] = MoveGene(forced, genes[forced], scale, random);
            long child = _space.Encode(genes);
            if (child != genome && _space.IsValid(child))
            {
                return child;
            }
        }

        return genome;
    }

    private int[] Cross(int[] a, int[] b, Random random)
    {
        var genes = new int[a.Length];
        for (int g = 0; g < a.Length; g++)
        {
            if (!_space.Ordered[g])
            {
                genes[g] = random.Next(2) == 0 ? a[g] : b[g];
                continue;
            }

            // BLX-alpha: anywhere between the parents and a little beyond, on the axis' steps.
            int low = Math.Min(a[g], b[g]), high = Math.Max(a[g], b[g]);
            double reach = BlendAlpha * (high - low);
            double value = low - reach + random.NextDouble() * (high - low + 2 * reach);
            genes[g] = Math.Clamp((int)Math.Round(value), 0, _space.Size(g) - 1);
        }

        return genes;
    }

    private void Mutate(int[] genes, double scale, double rate, Random random)
    {
        for (int g = 0; g < genes.Length; g++)
        {
            if (random.NextDouble() < rate)
            {
                genes[g] = MoveGene(g, genes[g], scale, random);
            }
        }
    }

    /// <summary>An ordered gene moves by a normal step of <paramref name="scale"/> times its axis (at least one step); a categorical one takes another value.</summary>
    private int MoveGene(int gene, int value, double scale, Random random)
    {
        int size = _space.Size(gene);
        if (size == 1)
        {
            return value;
        }

        if (!_space.Ordered[gene])
        {
            int other = random.Next(size - 1);
            return other >= value ? other + 1 : other;
        }

        double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        int step = (int)Math.Round(normal * scale * size);
        if (step == 0)
        {
            step = random.Next(2) == 0 ? -1 : 1;
        }

        int moved = value + step;
        return moved < 0 || moved >= size ? Math.Clamp(value - step, 0, size - 1) : moved;
    }

    private long RandomValid(Random random)
    {
        for (int attempt = 0; attempt < RandomAttempts; attempt++)
        {
            long genome = random.NextInt64(_grid.Size);
            if (_space.IsValid(genome))
            {
                return genome;
            }
        }

        throw new StrategyParameterException(
            $"No valid combination of {_grid.Strategy.Name}'s grid was found in {RandomAttempts:N0} draws ({string.Join(", ", _grid.Strategy.Constraints)}); widen the ranges.");
    }

    /// <summary>From a quarter of an axis in the first generations down to about one step in the last.</summary>
    private double MutationScale(int generation)
    {
        double last = 1.0 / _longestAxis;
        double progress = Settings.Generations <= 1 ? 1 : Math.Min(1, (double)generation / (Settings.Generations - 1));
        return FirstMutationScale * Math.Pow(Math.Min(1, last / FirstMutationScale), progress);
    }

    /// <summary>The generation's random source: a SplitMix64 mix of the seed and the generation's number.</summary>
    private Random RandomFor(int generation)
    {
        ulong z = unchecked((ulong)_seed + 0x9E3779B97F4A7C15UL * (ulong)(generation + 1));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z ^ (int)(z >> 32)));
    }
}
