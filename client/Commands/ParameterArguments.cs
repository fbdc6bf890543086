namespace QuantCluster.Client.Commands;

/// <summary>Repeated name=value arguments (--param fast=10 --param slow=50) as a dictionary.</summary>
internal static class ParameterArguments
{
    public static Dictionary<string, string> Parse(IEnumerable<string> arguments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == argument.Length - 1)
            {
                throw new ArgumentException($"--param {argument}: write name=value, e.g. --param fast=10.");
            }

            string name = argument[..equals].Trim();
            if (!values.TryAdd(name, argument[(equals + 1)..].Trim()))
            {
                throw new ArgumentException($"--param {name} is given twice.");
            }
        }

        return values;
    }
}
