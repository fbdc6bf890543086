using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers.Genetic;
using QuantCluster.Engine.Optimizers.WalkForward;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// The phases of a job's searches over its state: what items exist, which phase an item belongs
/// to, and what comes after a phase ends. A grid or random search is one phase; a genetic search a
/// phase per generation, bred when the last one's scores are all in; a walk-forward a search per
/// fold, all under way at once, so the cluster never waits on one fold. The job grain drives it and
/// persists the state at every phase boundary.
/// </summary>
internal sealed class JobSearch(OptimizationJobState state, SweepDefinition sweep, WorkLedger ledger)
{
    public WorkLedger Ledger => ledger;

    public SweepDefinition Sweep => sweep;

    public bool IsWalkForward => state.Spec!.WalkForward is not null;

    public bool IsDone => state.Tracks.Count > 0 && state.Tracks.All(t => t.Done);

    /// <summary>Lays out the searches of a new job over its bars and starts each one's first phase.</summary>
    /// <exception cref="Engine.Strategies.StrategyParameterException">The walk-forward's windows do not fit the bars.</exception>
    public static JobSearch Start(OptimizationJobState state, SweepDefinition sweep, BarSeries bars, long barEvaluationsPerItem)
    {
        var spec = state.Spec!;
        state.BarEvaluationsPerItem = barEvaluationsPerItem;
        state.BarCount = bars.Count;
        if (spec.WalkForward is { } walkForward)
        {
            foreach (var fold in WalkForwardPlan.Folds(bars.Timestamps, walkForward))
            {
                var window = spec.Data with
                {
                    From = UtcMicroseconds.ToDateTime(bars.Timestamps[fold.InSampleStart]),
                    To = UtcMicroseconds.ToDateTime(bars.Timestamps[fold.InSampleEnd - 1]),
                };
                state.Tracks.Add(new SearchTrack { Data = window, Fold = fold.Index, Bars = fold.InSampleBars });
            }
        }
        else
        {
            state.Tracks.Add(new SearchTrack { Data = spec.Data, Bars = bars.Count });
        }

        var search = new JobSearch(state, sweep, new WorkLedger(0));
        for (int track = 0; track < state.Tracks.Count; track++)
        {
            search.StartFirstPhase(track);
        }

        return search;
    }

    /// <summary>The fold windows of a walk-forward over the job's bars (the same every time: the bars and settings are fixed).</summary>
    public IReadOnlyList<FoldWindow> Folds(BarSeries bars) => WalkForwardPlan.Folds(bars.Timestamps, state.Spec!.WalkForward!);

    public WorkAssignment Assign(Guid jobId, long item, int attempt)
    {
        var block = BlockOf(item);
        var (start, end) = block.Plan.PositionsOf(item - block.FirstItem);
        var spec = state.Spec!;
        var track = state.Tracks[block.Track];
        return new WorkAssignment(jobId, item, state.Blocks.IndexOf(block), start, end, attempt, track.Fold < 0 ? spec : spec with { Data = track.Data })
        {
            GridIndices = block.GridIndices?.GetRange((int)start, (int)(end - start)),
        };
    }

    /// <summary>Takes a completed item (the ledger has marked it done); returns the track whose phase it ended, if it did.</summary>
    public SearchTrack? Take(ItemCompletion completion)
    {
        var block = BlockOf(completion.ItemIndex);
        var track = state.Tracks[block.Track];
        state.Evaluated += completion.Sets;
        track.Evaluated += completion.Sets;
        track.Best = Merge(track.Best, completion.Best);
        if (!IsWalkForward)
        {
            state.Best = track.Best;
        }

        if (block.GridIndices is { } genomes && completion.Scores is { } scores)
        {
            var (start, _) = block.Plan.PositionsOf(completion.ItemIndex - block.FirstItem);
            for (int i = 0; i < scores.Count; i++)
            {
                track.PhaseScores[genomes[(int)start + i]] = scores[i];
            }
        }

        block.ItemsDone++;
        return block.ItemsDone == block.Items ? track : null;
    }

    /// <summary>
    /// Moves a track past a phase that ended: breeds a genetic search's next generation and appends
    /// its items, or marks the search done. Returns whether new items were appended.
    /// </summary>
    public bool Advance(SearchTrack track)
    {
        if (track.Genetic is not { } genetic)
        {
            track.Done = true;
            return false;
        }

        var search = sweep.Genetic!;
        do
        {
            var unscored = GeneticSearch.Unscored(genetic);
            var missing = unscored.FirstOrDefault(g => !track.PhaseScores.ContainsKey(g), -1);
            if (missing >= 0)
            {
                throw new InvalidOperationException($"Generation {genetic.Generation} ended without a score for grid index {missing}.");
            }

            search.Advance(genetic, [.. unscored.Select(g => track.PhaseScores[g])]);
            track.PhaseScores.Clear();
        }
        while (!genetic.Finished && GeneticSearch.Unscored(genetic).Count == 0);

        if (genetic.Finished)
        {
            track.Done = true;
            return false;
        }

        Append(state.Tracks.IndexOf(track), genetic.Generation, GeneticSearch.Unscored(genetic));
        return true;
    }

    /// <summary>Done so far, 0 to 1: items for a grid, generations for a genetic search, averaged over a walk-forward's folds.</summary>
    public double Progress() => state.Tracks.Count == 0 ? 0 : state.Tracks.Select((t, i) => TrackProgress(t, i)).Average();

    /// <summary>Phases done and phases at most: generations of a genetic search, folds of a walk-forward, else one.</summary>
    public (int Done, int Total) Phases()
    {
        if (IsWalkForward)
        {
            return (state.Tracks.Count(t => t.Done), state.Tracks.Count);
        }

        var track = state.Tracks.FirstOrDefault();
        return track?.Genetic is { } genetic
            ? (genetic.History.Count, sweep.Genetic!.Settings.Generations)
            : (track?.Done == true ? 1 : 0, 1);
    }

    /// <summary>Sets the job will evaluate: the grid or random plan's, and a genetic search's at most.</summary>
    public long ExpectedSets() => state.Tracks.Sum(track => track.Genetic is { } genetic
        ? track.Evaluated + (genetic.Finished ? 0 : (long)(sweep.Genetic!.Settings.Generations - genetic.History.Count) * sweep.Genetic.Settings.Population)
        : BlocksOf(track).Sum(b => b.Items * b.Plan.SetsPerItem));

    /// <summary>
    /// The best results so far, ties kept in item order whatever order items completed in, so the
    /// leaderboard is the same however the work was spread.
    /// </summary>
    private List<EvaluationResult> Merge(IReadOnlyList<EvaluationResult> best, IReadOnlyList<EvaluationResult> item) =>
        [.. Leaderboard.Top(sweep.Objective, [.. best.Concat(item).OrderBy(r => r.ItemIndex)], OptimizationJobState.LeaderboardSize)];

    private void StartFirstPhase(int track)
    {
        if (sweep.Genetic is { } genetic)
        {
            var first = genetic.Start();
            state.Tracks[track].Genetic = first;
            Append(track, 0, GeneticSearch.Unscored(first));
            return;
        }

        AppendBlock(new PhaseBlock { Track = track, Plan = BatchPlan.For(sweep, state.Tracks[track].Bars, state.BarEvaluationsPerItem) });
    }

    private void Append(int track, int generation, IReadOnlyList<long> genomes)
    {
        AppendBlock(new PhaseBlock
        {
            Track = track,
            Phase = generation,
            Plan = BatchPlan.ForSets(genomes.Count, state.Tracks[track].Bars, state.BarEvaluationsPerItem),
            GridIndices = [.. genomes],
        });
    }

    private void AppendBlock(PhaseBlock block)
    {
        block.FirstItem = state.ItemCount;
        state.Blocks.Add(block);
        ledger.Extend(block.Items);
    }

    private PhaseBlock BlockOf(long item)
    {
        int low = 0, high = state.Blocks.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >>> 1;
            if (state.Blocks[middle].FirstItem <= item)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var block = state.Blocks[low];
        return block.Contains(item) ? block : throw new ArgumentOutOfRangeException(nameof(item), item, "No phase holds this item.");
    }

    private IEnumerable<PhaseBlock> BlocksOf(SearchTrack track)
    {
        int index = state.Tracks.IndexOf(track);
        return state.Blocks.Where(b => b.Track == index);
    }

    private double TrackProgress(SearchTrack track, int index)
    {
        if (track.Done)
        {
            return 1;
        }

        var current = state.Blocks.LastOrDefault(b => b.Track == index);
        double inPhase = current is null || current.Items == 0 ? 0 : (double)current.ItemsDone / current.Items;
        return track.Genetic is { } genetic
            ? Math.Min(1, (genetic.History.Count + inPhase) / sweep.Genetic!.Settings.Generations)
            : inPhase;
    }
}
