using System.CommandLine;

namespace QuantCluster.Client.Commands;

/// <summary>
/// The one error boundary of `quant`: whatever a command throws (bad input, a missing or
/// unreadable file, a lost database, a bug) ends as one or two lines on stderr and an exit code
/// (<see cref="CommandFailure"/>), never a stack trace unless --verbose is given. Commands may
/// wrap their body in <see cref="Run"/> or <see cref="RunAsync"/>; <see cref="Invoke"/> catches
/// the rest, System.CommandLine's own default handler included.
/// </summary>
internal static class CommandErrors
{
    /// <summary>The global option that prints the full exception, stack trace included, after the line.</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose")
    {
        Description = "On an error, also print the full exception with its stack trace.",
        Recursive = true,
    };

    private static bool Verbose { get; set; }

    /// <summary>Parses and runs the command line through the boundary.</summary>
    public static int Invoke(RootCommand root, string[] args)
    {
        if (!root.Options.Contains(VerboseOption))
        {
            root.Options.Add(VerboseOption);
        }

        var parse = root.Parse(args);
        Verbose = parse.GetValue(VerboseOption);
        if (parse.Errors.Count > 0)
        {
            // A command line that does not parse is bad input too: its errors, not a page of help.
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine($"(`{CommandPath(parse.CommandResult)} --help` lists what it takes)");
            return CommandFailure.BadInput;
        }

        return Run(() => parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result) =>
        result.Parent is System.CommandLine.Parsing.CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "quant";

    private static int Report(Exception exception)
    {
        var failure = CommandFailure.Of(exception);
        foreach (var line in failure.Lines)
        {
            Console.Error.WriteLine(line);
        }

        if (Verbose)
        {
            Console.Error.WriteLine(exception);
        }

        return failure.ExitCode;
    }
}
