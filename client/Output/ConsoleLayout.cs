using Spectre.Console;

namespace QuantCluster.Client.Output;

/// <summary>
/// How wide `quant` writes, decided once at start. Output to a file or a pipe has no width to
/// fit, so tables are drawn at their natural width (nothing wrapped or cut) and without colour
/// codes; a terminal's width is its own, or COLUMNS when set. Tables too wide for it are printed
/// in a plain layout rather than with wrapped cells (<see cref="FittingConsole"/>).
/// </summary>
internal static class ConsoleLayout
{
    // Wider than any table quant draws, for output that no terminal shows.
    private const int UnboundedWidth = 1 << 12;

    public static void Configure()
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (WidthOf(redirected) is { } width)
        {
            console.Profile.Width = width;
        }

        AnsiConsole.Console = new FittingConsole(console);
    }

    private static int? WidthOf(bool redirected) =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns
        : redirected ? UnboundedWidth
        : null;
}
