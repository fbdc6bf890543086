using System.Text;

namespace QuantCluster.Client.Tests.Commands.Data;

/// <summary>
/// A strict RFC 4180 reading of command output, written here rather than borrowed so the tests
/// check the format itself: an unquoted empty field is null, a quoted one is "".
/// </summary>
internal static class CsvCells
{
    public static List<List<string?>> Parse(string text)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"' && field.Length == 0 && !quoted)
            {
                quoted = true;
                while (true)
                {
                    var q = text[i++];
                    if (q == '"' && i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (q == '"')
                    {
                        break;
                    }
                    else
                    {
                        field.Append(q);
                    }
                }
            }
            else if (c is ',' or '\n')
            {
                row.Add(quoted || field.Length > 0 ? field.ToString() : null);
                field.Clear();
                quoted = false;
                if (c == '\n')
                {
                    rows.Add(row);
                    row = [];
                }
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "the output must end with a line break");
        return rows;
    }
}
