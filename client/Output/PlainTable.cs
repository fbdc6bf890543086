using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QuantCluster.Client.Output;

/// <summary>
/// A table as plain text, for a console too narrow to draw it: each row a block of
/// "header  value" lines, headers aligned, rows and the table followed by a blank line. Long but never cut: a
/// line is as long as its header and value, which a narrow terminal can still show whole.
/// </summary>
internal static class PlainTable
{
    public static IRenderable Of(Table table, RenderOptions options)
    {
        var headers = table.Columns.Select(c => TextOf(c.Header, options)).ToArray();
        var indent = headers.Max(h => h.Length) + 2;
        var text = new StringBuilder();
        foreach (var row in table.Rows)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var cells = row.Select(cell => TextOf(cell, options)).ToArray();
            for (var i = 0; i < cells.Length && i < headers.Length; i++)
            {
                text.Append(headers[i].PadRight(indent)).Append(cells[i]).Append('\n');
            }
        }

        // A blank line after the last row too, so the next table or line stands apart.
        return new Text(text.Append('\n').ToString());
    }

    /// <summary>What a cell shows, styles dropped, its lines joined by spaces.</summary>
    private static string TextOf(IRenderable cell, RenderOptions options) =>
        string.Join(' ', Segment.SplitLines(cell.Render(options, int.MaxValue))
            .Select(line => string.Concat(line.Where(s => !s.IsControlCode).Select(s => s.Text)).Trim())
            .Where(line => line.Length > 0));
}
