using Spectre.Console;
using Spectre.Console.Rendering;

namespace QuantCluster.Client.Output;

/// <summary>
/// The console every command writes through: as the console it wraps, except that a table wider
/// than the console is printed as <see cref="PlainTable"/> does, so that no cell is wrapped
/// mid-word ("long_onl" / "y") and no header is cut ("directi…").
/// </summary>
internal sealed class FittingConsole(IAnsiConsole inner) : IAnsiConsole
{
    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => inner.Input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable)
    {
        var options = RenderOptions.Create(inner, inner.Profile.Capabilities);
        inner.Write(renderable is Table table && ((IRenderable)table).Measure(options, int.MaxValue).Max > inner.Profile.Width
            ? PlainTable.Of(table, options)
            : renderable);
    }
}
