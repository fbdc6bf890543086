namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// The walk's record: each loss of the sorted stream that any lane took, with a bit per lane
/// that took it, in ascending order. Read backwards, it gives a lane's largest tail losses in
/// order without touching the positions again.
/// </summary>
internal sealed class TakenLosses
{
    private int[] _entries = new int[1024];
    private byte[] _takers = new byte[1024];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Add(int entry, byte takers)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            Array.Resize(ref _takers, _takers.Length * 2);
        }

        _entries[Count] = entry;
        _takers[Count] = takers;
        Count++;
    }

    public int Entry(int position) => _entries[position];

    /// <summary>The last position at or below <paramref name="position"/> that the lane took, or -1.</summary>
    public int Previous(int lane, int position)
    {
        int bit = 1 << lane;
        while (position >= 0 && (_takers[position] & bit) == 0)
        {
            position--;
        }

        return position;
    }
}
