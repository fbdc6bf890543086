using Orleans.Runtime;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// Which work items of a job are done, handed out, or waiting, held by the job grain. Done items are
/// a watermark (every item below it) plus the few done above it, so the record stays small however
/// many items a sweep has, and a new activation starts from the persisted pair. Items in flight live
/// only here: when the job's silo dies they are forgotten, handed out again, and their results, stored
/// once per item, are not stored twice.
/// </summary>
internal sealed class WorkLedger
{
    private long _total;
    private readonly SortedSet<long> _doneAbove;
    private readonly SortedSet<long> _waiting = [];
    private readonly Dictionary<long, (SiloAddress Silo, int Attempt)> _inFlight = [];
    private readonly Dictionary<long, int> _attempts = [];
    private long _doneBelow;
    private long _cursor;

    public WorkLedger(long total, long doneBelow = 0, IEnumerable<long>? doneAbove = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        _total = total;
        _doneBelow = Math.Clamp(doneBelow, 0, total);
        _doneAbove = [.. (doneAbove ?? []).Where(item => item > _doneBelow && item < total)];
        _cursor = _doneBelow;
    }

    /// <summary>Items of the job so far: a phase that starts adds its items at the end.</summary>
    public long Total => _total;

    /// <summary>Every item below this is done.</summary>
    public long DoneBelow => _doneBelow;

    /// <summary>The done items at or above <see cref="DoneBelow"/>.</summary>
    public IReadOnlyCollection<long> DoneAbove => _doneAbove;

    public long Done => _doneBelow + _doneAbove.Count;

    public bool IsComplete => _doneBelow == _total;

    public IReadOnlyDictionary<long, (SiloAddress Silo, int Attempt)> InFlight => _inFlight;

    /// <summary>The next item for <paramref name="silo"/>: one handed back first, then the next never handed out; null when none is free.</summary>
    public (long Item, int Attempt)? Claim(SiloAddress silo)
    {
        long item;
        if (_waiting.Count > 0)
        {
            item = _waiting.Min;
            _waiting.Remove(item);
        }
        else
        {
            while (_cursor < _total && IsDone(_cursor))
            {
                _cursor++;
            }

            if (_cursor >= _total)
            {
                return null;
            }

            item = _cursor++;
        }

        int attempt = _attempts.GetValueOrDefault(item) + 1;
        _attempts[item] = attempt;
        _inFlight[item] = (silo, attempt);
        return (item, attempt);
    }

    /// <summary>Marks the item done; false when it already was (a redone item, or one from before this activation's time).</summary>
    public bool Complete(long item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, _total);
        _inFlight.Remove(item);
        _waiting.Remove(item);
        _attempts.Remove(item);
        if (IsDone(item))
        {
            return false;
        }

        if (item == _doneBelow)
        {
            _doneBelow++;
            while (_doneAbove.Remove(_doneBelow))
            {
                _doneBelow++;
            }
        }
        else
        {
            _doneAbove.Add(item);
        }

        return true;
    }

    /// <summary>Hands the item out again later (a failed attempt), unless it is done meanwhile.</summary>
    public void Release(long item)
    {
        if (_inFlight.Remove(item) && !IsDone(item))
        {
            _waiting.Add(item);
        }
    }

    /// <summary>Hands out again every item held by a silo <paramref name="isGone"/> says is gone; returns how many.</summary>
    public int ReleaseHeldBy(Func<SiloAddress, bool> isGone)
    {
        var lost = _inFlight.Where(entry => isGone(entry.Value.Silo)).Select(entry => entry.Key).ToArray();
        foreach (long item in lost)
        {
            Release(item);
        }

        return lost.Length;
    }

    /// <summary>Adds <paramref name="items"/> items after the last: a new phase's.</summary>
    public void Extend(long items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        _total += items;
    }

    /// <summary>Forgets every item in flight and waiting: the job ended.</summary>
    public void Clear()
    {
        _inFlight.Clear();
        _waiting.Clear();
        _cursor = _total;
    }

    private bool IsDone(long item) => item < _doneBelow || _doneAbove.Contains(item);
}
