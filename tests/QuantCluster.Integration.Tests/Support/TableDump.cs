using Npgsql;

namespace QuantCluster.Integration.Tests.Support;

/// <summary>
/// The full content of the store's tables as PostgreSQL's own binary COPY bytes, in key order:
/// two equal dumps mean not one bit of a bar or of coverage (updated_at included) changed.
/// </summary>
internal static class TableDump
{
    private static readonly string[] Queries =
    [
        "COPY (SELECT * FROM bars ORDER BY symbol, timeframe, ts) TO STDOUT (FORMAT BINARY)",
        "COPY (SELECT * FROM bar_coverage ORDER BY symbol, timeframe) TO STDOUT (FORMAT BINARY)",
    ];

    public static async Task<byte[]> TakeAsync(TestDatabase database)
    {
        await using var connection = await database.ConnectAsync();
        using var bytes = new MemoryStream();
        foreach (var query in Queries)
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync(query);
            await copy.CopyToAsync(bytes);
        }

        return bytes.ToArray();
    }

    public static async Task<long> CountBarsAsync(TestDatabase database)
    {
        await using var connection = await database.ConnectAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM bars", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
