using System.Text.RegularExpressions;
using QuantCluster.Data;
using QuantCluster.Data.Parquet;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Client.Commands;

/// <summary>
/// What a failed command tells the user: one line naming what failed and why (the file, the
/// row, the server), and the exit code: 2 when the input is at fault (a bad file, option or
/// parameter, a file that is not there), 1 for any other failure (an unreadable file, a lost
/// database, a bug). An exception nobody expected gets a second line saying how to see more.
/// </summary>
internal sealed partial record CommandFailure(int ExitCode, IReadOnlyList<string> Lines)
{
    public const int BadInput = 2;
    public const int Failed = 1;

    // Ctrl+C: the shell's convention for a run ended by SIGINT.
    public const int Cancelled = 130;

    public static CommandFailure Of(Exception exception)
    {
        var e = Unwrap(exception);
        return e switch
        {
            OperationCanceledException => new(Cancelled, ["error: cancelled"]),
            _ when IsBadInput(e) => new(BadInput, [$"error: {OneLine(e.Message)}"]),
            IOException or UnauthorizedAccessException or TimeoutException => new(Failed, [$"error: {OneLine(e.Message)}"]),
            _ when IsFrom(e, "Npgsql.") => new(Failed, [$"error: the database failed: {OneLine(e.Message)}"]),
            _ when IsFrom(e, "Orleans.") => new(Failed, [$"error: the cluster failed: {OneLine(e.Message)}"]),
            _ => new(Failed, [$"error: unexpected {e.GetType().Name}: {OneLine(e.Message)}", "(a bug in quant: run again with --verbose for where it happened, and report it)"]),
        };
    }

    /// <summary>Errors the user fixes by changing what they gave: a file's contents or name, an option, a parameter.</summary>
    private static bool IsBadInput(Exception e) =>
        e is BarDataException or ParquetFormatException or InvalidDataException or StrategyParameterException or ArgumentException
            or FormatException or KeyNotFoundException or FileNotFoundException or DirectoryNotFoundException;

    // By namespace, so the boundary needs no reference to each library: Npgsql's and Orleans' errors.
    private static bool IsFrom(Exception e, string space) => e.GetType().FullName?.StartsWith(space, StringComparison.Ordinal) == true;

    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions: [var only] } => Unwrap(only),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    /// <summary>A message on several lines (a driver's, say) joined into one.</summary>
    private static string OneLine(string message) => Whitespace().Replace(message.Trim(), " ");

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex Whitespace();
}
