using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Sweeps.Lanes;

/// <summary>Eight lanes in two AVX2 registers, for CPUs without AVX-512.</summary>
internal readonly struct Lanes256(Vector256<double> low, Vector256<double> high) : ILanes<Lanes256>
{
    private readonly Vector256<double> _low = low;
    private readonly Vector256<double> _high = high;

    public static Lanes256 Zero => new(Vector256<double>.Zero, Vector256<double>.Zero);

    public static Lanes256 One => new(Vector256<double>.One, Vector256<double>.One);


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(double value) => new(Vector256.Create(value), Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FromPacked(ulong word, double scale)
    {
        var ints = Vector256.WidenLower(Vector128.WidenLower(Vector128.CreateScalar(word).AsSByte()).ToVector256Unsafe());
        return new(
            Vector256.ConvertToDouble(Vector256.WidenLower(ints.GetLower().ToVector256Unsafe())) * scale,
            Vector256.ConvertToDouble(Vector256.WidenLower(ints.GetUpper().ToVector256Unsafe())) * scale);
    }

    public static Lanes256 operator +(Lanes256 left, Lanes256 right) => new(left._low + right._low, left._high + right._high);

    public static Lanes256 operator -(Lanes256 left, Lanes256 right) => new(left._low - right._low, left._high - right._high);

    public static Lanes256 operator *(Lanes256 left, Lanes256 right) => new(left._low * right._low, left._high * right._high);

    public static Lanes256 operator /(Lanes256 left, Lanes256 right) => new(left._low / right._low, left._high / right._high);

    public static Lanes256 operator &(Lanes256 left, Lanes256 right) => new(left._low & right._low, left._high & right._high);

    public static Lanes256 operator ~(Lanes256 value) => new(~value._low, ~value._high);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 MultiplyAdd(Lanes256 a, Lanes256 b, Lanes256 c) =>
        new(Vector256.FusedMultiplyAdd(a._low, b._low, c._low), Vector256.FusedMultiplyAdd(a._high, b._high, c._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Min(Lanes256 left, Lanes256 right) =>
        new(Vector256.MinNative(left._low, right._low), Vector256.MinNative(left._high, right._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Abs(Lanes256 value) => new(Vector256.Abs(value._low), Vector256.Abs(value._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Equal(Lanes256 left, Lanes256 right) =>
        new(Vector256.Equals(left._low, right._low), Vector256.Equals(left._high, right._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GreaterThan(Lanes256 left, Lanes256 right) =>
        new(Vector256.GreaterThan(left._low, right._low), Vector256.GreaterThan(left._high, right._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThan(Lanes256 left, Lanes256 right) =>
        new(Vector256.LessThan(left._low, right._low), Vector256.LessThan(left._high, right._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Select(Lanes256 mask, Lanes256 whenTrue, Lanes256 whenFalse) =>
        new(Vector256.ConditionalSelect(mask._low, whenTrue._low, whenFalse._low), Vector256.ConditionalSelect(mask._high, whenTrue._high, whenFalse._high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 AndNot(Lanes256 left, Lanes256 right) => new(Vector256.AndNot(left._low, right._low), Vector256.AndNot(left._high, right._high));

    public static double Element(Lanes256 lanes, int lane) => lane < 4 ? lanes._low.GetElement(lane) : lanes._high.GetElement(lane - 4);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256 lanes, Span<double> destination)
    {
        lanes._low.CopyTo(destination);
        lanes._high.CopyTo(destination[4..]);
    }
}
