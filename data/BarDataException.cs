namespace QuantCluster.Data;

/// <summary>
/// Bars that cannot be stored or backtested: a row that does not parse or breaks a data-quality
/// rule, or a file with no usable bars. The message names the source, the line and the reason,
/// so a quant can fix the file without a debugger.
/// </summary>
public sealed class BarDataException : Exception
{
    public BarDataException()
        : this("Bad bar data.")
    {
    }

    public BarDataException(string message)
        : base(message)
    {
        Reason = message;
    }

    public BarDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <param name="sourceName">Where the bars came from, e.g. a file name.</param>
    /// <param name="line">The 1-based file line, or null when no single line is at fault.</param>
    /// <param name="reason">What is wrong, e.g. "high 101.2 is below close 103.5".</param>
    public BarDataException(string sourceName, int? line, string reason)
        : this(sourceName, line, reason, "line")
    {
    }

    private BarDataException(string sourceName, int? line, string reason, string lineKind)
        : base(line is { } n ? $"{sourceName} {lineKind} {n}: {reason}" : $"{sourceName}: {reason}")
    {
        SourceName = sourceName;
        Line = line;
        Reason = reason;
    }

    /// <summary>A fault in bars that were not read from a file: <see cref="Line"/> is the 1-based row.</summary>
    public static BarDataException AtRow(string sourceName, int row, string reason) => new(sourceName, row, reason, "row");

    public string? SourceName { get; }

    public int? Line { get; }

    public string Reason { get; }
}
