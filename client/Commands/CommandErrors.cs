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
        catch (Exception e) when (IsUsers(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (IsUsers(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>Errors the user can fix; a lost database (ClusterStoreException) is an IOException and says which server failed.</summary>
    private static bool IsUsers(Exception e) =>
        e is BarDataException or StrategyParameterException or ArgumentException or IOException or UnauthorizedAccessException or KeyNotFoundException;
}
