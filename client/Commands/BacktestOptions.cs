using System.CommandLine;
using QuantCluster.Contracts;

namespace QuantCluster.Client.Commands;

/// <summary>The options every command that simulates shares: fills, costs, sizing, annualisation.</summary>
internal sealed class BacktestOptions
{
    public Option<string> Fill { get; } = new("--fill")
    {
        Description = "next_open: fill at the next bar's open (default, no look-ahead); close: fill at the signal bar's close.",
        DefaultValueFactory = _ => "next_open",
    };

    public Option<double> CommissionBps { get; } = new("--commission-bps") { Description = "Commission per fill, in basis points of traded notional." };

    public Option<double> SlippageBps { get; } = new("--slippage-bps") { Description = "Adverse price move per fill, in basis points." };

    public Option<double> Fraction { get; } = new("--fraction")
    {
        Description = "Fraction of equity held long or short.",
        DefaultValueFactory = _ => 1.0,
    };

    public Option<double?> PeriodsPerYear { get; } = new("--periods-per-year")
    {
        Description = "Bars per year for annualised metrics (default: inferred; 252 for daily weekday bars, else 24/7 calendar time).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Fill);
        command.Options.Add(CommissionBps);
        command.Options.Add(SlippageBps);
        command.Options.Add(Fraction);
        command.Options.Add(PeriodsPerYear);
    }

    public BacktestSettings Read(ParseResult parse)
    {
        var fill = parse.GetValue(Fill) switch
        {
            "next_open" => FillMode.NextOpen,
            "close" => FillMode.Close,
            var other => throw new ArgumentException($"--fill {other} is not a fill mode; use next_open or close."),
        };
        var settings = new BacktestSettings
        {
            Fill = fill,
            CommissionBps = parse.GetValue(CommissionBps),
            SlippageBps = parse.GetValue(SlippageBps),
            PositionFraction = parse.GetValue(Fraction),
            PeriodsPerYear = parse.GetValue(PeriodsPerYear),
        };
        settings.Validate();
        return settings;
    }
}
