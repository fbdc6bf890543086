namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Sorts the series' losses from the largest magnitude down, with their codes, by a four-pass
/// least-significant-digit radix sort on the magnitudes' bit patterns (positive doubles order as
/// their bits do). It runs once per series before any thread can start, so it must be quick:
/// a comparison sort of a million pairs took several times as long.
/// </summary>
internal static class LossOrder
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts magnitudes (all &gt;= 0) descending, permuting codes alike; stable.</summary>
    public static void SortDescending(double[] magnitudes, int[] codes)
    {
        int n = magnitudes.Length;
        var keys = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            // Complemented so that an ascending sort of keys is a descending sort of magnitudes.
            keys[i] = ~(ulong)BitConverter.DoubleToInt64Bits(magnitudes[i]);
        }

        var keysOut = new ulong[n];
        var codesIn = codes;
        var codesOut = new int[n];
        var counts = new int[Buckets];
        for (int shift = 0; shift < 64; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (ulong key in keys)
            {
                counts[(int)(key >> shift) & (Buckets - 1)]++;
            }

            int total = 0;
            for (int b = 0; b < Buckets; b++)
            {
                (counts[b], total) = (total, total + counts[b]);
            }

            for (int i = 0; i < n; i++)
            {
                int position = counts[(int)(keys[i] >> shift) & (Buckets - 1)]++;
                keysOut[position] = keys[i];
                codesOut[position] = codesIn[i];
            }

            (keys, keysOut) = (keysOut, keys);
            (codesIn, codesOut) = (codesOut, codesIn);
        }

        // An even number of passes leaves the result back in the caller's array.
        System.Diagnostics.Debug.Assert(ReferenceEquals(codesIn, codes), "64 / DigitBits passes must be even.");

        for (int i = 0; i < n; i++)
        {
            magnitudes[i] = BitConverter.Int64BitsToDouble((long)~keys[i]);
        }
    }
}
