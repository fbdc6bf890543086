namespace QuantCluster.Client.Output;

internal static class ResultsFormats
{
    /// <summary>The format named, or else the one the output file's extension says; a table on the console.</summary>
    public static ResultsFormat Of(string? path, string? named)
    {
        if (named is not null)
        {
            return named.ToLowerInvariant() switch
            {
                "table" when path is null => ResultsFormat.Table,
                "table" => throw new ArgumentException("--format table prints to the console; write a file as csv, parquet or json."),
                "csv" => ResultsFormat.Csv,
                "parquet" => path is null ? throw new ArgumentException("Parquet is binary: give --out FILE.parquet.") : ResultsFormat.Parquet,
                "json" => ResultsFormat.Json,
                _ => throw new ArgumentException($"--format {named} is not a format; use table, csv, parquet or json."),
            };
        }

        return Path.GetExtension(path)?.ToLowerInvariant() switch
        {
            null or "" when path is null => ResultsFormat.Table,
            ".csv" => ResultsFormat.Csv,
            ".parquet" => ResultsFormat.Parquet,
            ".json" => ResultsFormat.Json,
            _ => throw new ArgumentException($"cannot tell the format of {path} from its extension; name it .csv, .parquet or .json, or pass --format."),
        };
    }
}
