using System.Text.Json.Nodes;

namespace QuantCluster.Cluster.Tests.Api;

/// <summary>Job specs as a notebook would POST them: the JSON of the spec the console builds.</summary>
internal static class ApiSpecs
{
    /// <summary>sma_crossover, fast 5..50 step 5 x slow 60..200 step 20, sharpe, over the bars file: 80 sets, a second or two.</summary>
    public static JsonObject SmallGrid(string barsFile) => new()
    {
        ["strategy"] = "sma_crossover",
        ["axes"] = new JsonArray(Axis("fast", 5, 50, 5), Axis("slow", 60, 200, 20)),
        ["objective"] = "sharpe",
        ["minTrades"] = 1,
        ["settings"] = new JsonObject { ["commissionBps"] = 2, ["fill"] = "next_open" },
        ["data"] = new JsonObject { ["symbol"] = "", ["timeframe"] = "", ["path"] = barsFile },
    };

    /// <summary>A genetic search of a fast 2..100 x slow 10..400 grid: 5 generations of 20, every one bred.</summary>
    public static JsonObject SmallGenetic(string barsFile)
    {
        var spec = SmallGrid(barsFile);
        spec["axes"] = new JsonArray(Axis("fast", 2, 100, 1), Axis("slow", 10, 400, 2));
        spec["optimizer"] = "genetic";
        spec["genetic"] = new JsonObject { ["population"] = 20, ["generations"] = 5, ["patience"] = 0 };
        return spec;
    }

    /// <summary>The small grid as a walk-forward over 100,000 bars: 30,000 in sample, 20,000 out, so 3 folds.</summary>
    public static JsonObject SmallWalkForward(string barsFile)
    {
        var spec = SmallGrid(barsFile);
        spec["walkForward"] = new JsonObject { ["inSample"] = new JsonObject { ["bars"] = 30_000 }, ["outOfSample"] = new JsonObject { ["bars"] = 20_000 } };
        return spec;
    }

    /// <summary>The same grid as `quant sweep` arguments.</summary>
    public static string[] SmallGridArguments(string barsFile) =>
        ["--strategy", "sma_crossover", "--data", barsFile, "--grid", "fast=5:50:5", "--grid", "slow=60:200:20", "--objective", "sharpe", "--min-trades", "1", "--commission-bps", "2"];

    private static JsonObject Axis(string name, int from, int to, int step) =>
        new() { ["name"] = name, ["values"] = new JsonArray([.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => (JsonNode)(from + (i * step)))]) };
}
