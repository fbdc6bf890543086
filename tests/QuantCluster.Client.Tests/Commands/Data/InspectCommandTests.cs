using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Data;

public sealed class InspectCommandTests(DuckDbDataFiles files) : IClassFixture<DuckDbDataFiles>
{
    [Fact]
    public void Json_of_a_multi_symbol_parquet_file_agrees_with_DuckDB()
    {
        var f = files.Bars;
        var duckDb = DuckDbReference.Query(
            $"SELECT count(*) AS n, count(DISTINCT row_group_id) AS groups FROM parquet_metadata('{f}') WHERE column_id = 0",
            $"SELECT sum(num_rows) AS rows FROM (SELECT DISTINCT row_group_id, row_group_num_rows AS num_rows FROM parquet_metadata('{f}'))",
            $"SELECT symbol, count(*) AS n, strftime(min(ts), '%Y-%m-%dT%H:%M:%SZ') AS first, strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS last " +
            $"FROM read_parquet('{f}') GROUP BY symbol ORDER BY symbol");

        var run = QuantProcess.Run("data", "inspect", f, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json.AsObject();
        Assert.Equal(["rows", "row_groups", "columns", "symbols"], json.Select(p => p.Key));
        Assert.Equal(7500, (long)json["rows"]!);
        Assert.Equal(duckDb[1][0]["rows"], json["rows"]!.ToJsonString());
        Assert.Equal(duckDb[0][0]["groups"], json["row_groups"]!.ToJsonString());
        Assert.True((int)json["row_groups"]! > 1);
        Assert.Equal(
            """[{"name":"ts","type":"TIMESTAMP(MICROS)","missing":0},{"name":"symbol","type":"STRING","missing":0},{"name":"open","type":"DOUBLE","missing":0},{"name":"high","type":"DOUBLE","missing":0},{"name":"low","type":"DOUBLE","missing":0},{"name":"close","type":"DOUBLE","missing":0},{"name":"volume","type":"INT64","missing":0}]""",
            json["columns"]!.ToJsonString());
        Assert.Equal(
            duckDb[2].Select(r => (r["symbol"], long.Parse(r["n"]!, System.Globalization.CultureInfo.InvariantCulture), r["first"], r["last"])),
            json["symbols"]!.AsArray().Select(s => ((string?)s!["symbol"], (long)s["rows"]!, (string?)s["first"], (string?)s["last"])));
        Assert.All(json["symbols"]!.AsArray(), s => Assert.Equal(["symbol", "rows", "first", "last"], s!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Json_of_GOOG_csv_is_one_row_group_and_one_entry_without_a_symbol()
    {
        var run = QuantProcess.Run("data", "inspect", RepositoryPaths.MarketFile("GOOG.csv"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            {"rows":2148,"row_groups":1,"columns":[{"name":"","type":"TIMESTAMP","missing":0},{"name":"Open","type":"DOUBLE","missing":0},{"name":"High","type":"DOUBLE","missing":0},{"name":"Low","type":"DOUBLE","missing":0},{"name":"Close","type":"DOUBLE","missing":0},{"name":"Volume","type":"INT64","missing":0}],"symbols":[{"symbol":null,"rows":2148,"first":"2004-08-19T00:00:00Z","last":"2013-03-01T00:00:00Z"}]}
            """,
            run.Json.ToJsonString());
    }

    [Fact]
    public void Tables_show_the_codecs_row_groups_and_symbols()
    {
        var run = QuantProcess.Run("data", "inspect", files.Bars);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(": Parquet, 7,500 rows in", run.Output);
        Assert.Contains("SNAPPY", run.Output);
        Assert.Contains("MSFT", run.Output);
        Assert.Contains("2,000", run.Output);
    }

    [Fact]
    public void A_missing_file_is_one_line_on_stderr_and_exit_code_2()
    {
        var run = QuantProcess.Run("data", "inspect", "/nowhere/bars.parquet", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: There is no file /nowhere/bars.parquet.\n", run.Error);
    }

    [Fact]
    public void Help_explains_what_is_found_and_how()
    {
        var run = QuantProcess.Run("data", "inspect", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("symbol/ticker", run.Output);
        Assert.Contains("quant data inspect GOOG.csv --json", run.Output);
    }
}
