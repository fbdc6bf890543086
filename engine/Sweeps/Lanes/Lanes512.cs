using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Sweeps.Lanes;

/// <summary>Eight lanes in one AVX-512 register.</summary>
internal readonly struct Lanes512(Vector512<double> value) : ILanes<Lanes512>
{
    private readonly Vector512<double> _value = value;

    public static Lanes512 Zero => new(Vector512<double>.Zero);

    public static Lanes512 One => new(Vector512<double>.One);


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FromPacked(ulong word, double scale) =>
        new(Vector512.ConvertToDouble(Vector512.WidenLower(Vector256.WidenLower(Vector128.WidenLower(Vector128.CreateScalar(word).AsSByte()).ToVector256Unsafe()).ToVector512Unsafe())) * scale);

    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left._value + right._value);

    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left._value - right._value);

    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left._value * right._value);

    public static Lanes512 operator /(Lanes512 left, Lanes512 right) => new(left._value / right._value);

    public static Lanes512 operator &(Lanes512 left, Lanes512 right) => new(left._value & right._value);

    public static Lanes512 operator ~(Lanes512 value) => new(~value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 MultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Min(Lanes512 left, Lanes512 right) => new(Vector512.MinNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Abs(Lanes512 value) => new(Vector512.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Equal(Lanes512 left, Lanes512 right) => new(Vector512.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GreaterThan(Lanes512 left, Lanes512 right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThan(Lanes512 left, Lanes512 right) => new(Vector512.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Select(Lanes512 mask, Lanes512 whenTrue, Lanes512 whenFalse) =>
        new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 AndNot(Lanes512 left, Lanes512 right) => new(Vector512.AndNot(left._value, right._value));

    public static double Element(Lanes512 lanes, int lane) => lanes._value.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512 lanes, Span<double> destination) => lanes._value.CopyTo(destination);
}
