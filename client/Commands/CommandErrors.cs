using QuantCluster.Data;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Client.Commands;

/// <summary>
/// Runs a command body and turns the errors a user can fix (bad data, bad parameters, a missing
/// file) into one clear line on stderr and exit code 2, instead of a stack trace.
/// </summary>
internal static class CommandErrors
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is BarDataException or StrategyParameterException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
