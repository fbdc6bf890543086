using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;
using Spectre.Console;

namespace QuantCluster.Client.Commands;

/// <summary>`quant backtest`: one strategy with one parameter set over one symbol's bars, in full.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "Bars: a CSV or Parquet file.", Required = true };
        var symbol = new Option<string?>("--symbol") { Description = "The symbol to use when the file holds several." };
        var strategy = new Option<string>("--strategy") { Description = "Strategy name (see `quant strategy list`).", Required = true };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A parameter as name=value; repeat for each (see `quant strategy info NAME`). Unnamed parameters take their defaults.",
            AllowMultipleArgumentsPerToken = false,
        };
        var trades = new Option<bool>("--trades") { Description = "Also list every completed trade." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var costs = new BacktestOptions();
        var command = new Command("backtest", "Backtest one parameter set and print every metric.")
        {
            data, symbol, strategy, parameters, trades, json,
        };
        costs.AddTo(command);
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var settings = costs.Read(parse);
            var chosen = StrategyCatalog.Find(parse.GetValue(strategy)!);
            var values = chosen.Bind(ParameterArguments.Parse(parse.GetValue(parameters) ?? []));
            var bars = BarFiles.Read(parse.GetValue(data)!.FullName, parse.GetValue(symbol));
            var result = BacktestSimulator.Run(bars, chosen, values, settings);
            if (parse.GetValue(json))
            {
                var output = new JsonObject
                {
                    ["strategy"] = chosen.Name,
                    ["symbol"] = bars.Symbol,
                    ["parameters"] = Parameters(values),
                    ["bars"] = bars.Count,
                    ["periods_per_year"] = result.PeriodsPerYear,
                    ["metrics"] = JsonOutput.Metrics(result.Metrics),
                };
                if (parse.GetValue(trades))
                {
                    output["trades"] = new JsonArray(result.Trades.Select(t => (JsonNode)TradeJson(t)).ToArray());
                }

                JsonOutput.Write(Console.Out, output);
                return 0;
            }

            AnsiConsole.MarkupLine(
                $"[bold]{Markup.Escape(chosen.Name)}[/] {Markup.Escape(string.Join(" ", values.Named().Select(p => $"{p.Key}={p.Value}")))} " +
                $"on {Markup.Escape(bars.Symbol)}: {bars.Count:N0} bars, {UtcMicroseconds.Format(bars.Timestamps[0])} to {UtcMicroseconds.Format(bars.Timestamps[^1])}");
            var table = new Table().AddColumns("metric", "value");
            foreach (var (name, value) in result.Metrics.Named())
            {
                table.AddRow(name, MetricFormat.Format(name, value));
            }

            AnsiConsole.Write(table);
            if (parse.GetValue(trades))
            {
                var list = new Table().AddColumns("side", "entry", "entry price", "exit", "exit price", "return");
                foreach (var t in result.Trades)
                {
                    list.AddRow(
                        t.Direction > 0 ? "long" : "short", UtcMicroseconds.Format(t.EntryTime), $"{t.EntryPrice:G10}", UtcMicroseconds.Format(t.ExitTime),
                        $"{t.ExitPrice:G10}", MetricFormat.Format("avg_trade", t.Return));
                }

                AnsiConsole.Write(list);
            }

            return 0;
        }));
        return command;
    }

    public static JsonObject Parameters(ParameterValues values)
    {
        var json = new JsonObject();
        foreach (var (name, value) in values.Named())
        {
            json[name] = double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out double number) ? JsonValue.Create(number) : value;
        }

        return json;
    }

    private static JsonObject TradeJson(Trade trade) => new()
    {
        ["side"] = trade.Direction > 0 ? "long" : "short",
        ["entry"] = UtcMicroseconds.Format(trade.EntryTime),
        ["entry_price"] = trade.EntryPrice,
        ["exit"] = UtcMicroseconds.Format(trade.ExitTime),
        ["exit_price"] = trade.ExitPrice,
        ["return"] = trade.Return,
    };
}
