namespace QuantCluster.Engine.Sweeps.Lanes;

/// <summary>
/// Eight doubles, one per parameter set of a lane group, and the operations the sweep kernel
/// needs on them. The kernel is written once against this and the JIT specialises it for each
/// implementation: one Vector512 where the CPU has AVX-512, two Vector256 elsewhere.
/// </summary>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf Create(double value);

    /// <summary>The eight signed bytes of a packed word (set i in byte i), as doubles times <paramref name="scale"/>.</summary>
    static abstract TSelf FromPacked(ulong word, double scale);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf operator &(TSelf left, TSelf right);

    static abstract TSelf operator ~(TSelf value);

    /// <summary>a * b + c, rounded once.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>The native minimum: no NaN handling, either zero for a pair of zeros.</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    static abstract TSelf Abs(TSelf value);

    static abstract TSelf Equal(TSelf left, TSelf right);

    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    static abstract TSelf LessThan(TSelf left, TSelf right);

    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    /// <summary>left and not right.</summary>
    static abstract TSelf AndNot(TSelf left, TSelf right);

    // By value, not instance members: calling a member on a local takes its address and pins it
    // to the stack, and the hot loop's accumulators must stay in registers.
    static abstract double Element(TSelf lanes, int lane);

    static abstract void Store(TSelf lanes, Span<double> destination);
}
