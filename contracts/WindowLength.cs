using System.Globalization;

namespace QuantCluster.Contracts;

/// <summary>
/// The length of a walk-forward window: a number of bars ("5000"), or calendar time ("180d", "12h",
/// "2w", "90min"). Exactly one of the two is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.WindowLength")]
public sealed record WindowLength
{
    [Id(0)]
    public int Bars { get; init; }

    [Id(1)]
    public TimeSpan Time { get; init; }

    public bool IsTime => Time > TimeSpan.Zero;

    public static WindowLength OfBars(int bars) => new() { Bars = bars };

    public static WindowLength OfTime(TimeSpan time) => new() { Time = time };

    /// <summary>Reads "5000" (bars), "180d", "12h", "2w" or "90min".</summary>
    /// <exception cref="ArgumentException">The text is neither; the message says what is.</exception>
    public static WindowLength Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim().ToLowerInvariant();
        (string number, Func<double, TimeSpan>? unit) = trimmed switch
        {
            _ when trimmed.EndsWith("min", StringComparison.Ordinal) => (trimmed[..^3], TimeSpan.FromMinutes),
            _ when trimmed.EndsWith('d') => (trimmed[..^1], TimeSpan.FromDays),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], TimeSpan.FromHours),
            _ when trimmed.EndsWith('w') => (trimmed[..^1], days => TimeSpan.FromDays(7 * days)),
            _ => (trimmed, (Func<double, TimeSpan>?)null),
        };
        if (unit is null)
        {
            return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int bars) && bars > 0
                ? OfBars(bars)
                : throw new ArgumentException($"{option} {text} is not a length: give bars (5000) or time (180d, 12h, 2w, 90min).");
        }

        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) && double.IsFinite(amount) && amount > 0 && amount < 1e6
            ? OfTime(unit(amount))
            : throw new ArgumentException($"{option} {text} is not a length: give bars (5000) or time (180d, 12h, 2w, 90min).");
    }

    public override string ToString() => IsTime
        ? Time.TotalDays >= 1 && Time.TotalDays == Math.Floor(Time.TotalDays) ? $"{Time.TotalDays:0}d"
            : Time.TotalHours == Math.Floor(Time.TotalHours) ? $"{Time.TotalHours:0}h" : $"{Time.TotalMinutes:0.##}min"
        : $"{Bars} bars";
}
