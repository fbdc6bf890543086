using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Tables;

/// <summary>Bars as a flat table with the columns ts, symbol, open, high, low, close, volume: the shape every bar file is written in.</summary>
internal static class BarTable
{
    public static FlatTable Of(BarSeries bars) => new(
        [
            new TableColumn("ts", "TIMESTAMP", TableValueKind.Timestamp, bars.Timestamps, null),
            new TableColumn("symbol", "STRING", TableValueKind.String, Enumerable.Repeat(bars.Symbol, bars.Count).ToArray(), null),
            new TableColumn("open", "DOUBLE", TableValueKind.Double, bars.Open, null),
            new TableColumn("high", "DOUBLE", TableValueKind.Double, bars.High, null),
            new TableColumn("low", "DOUBLE", TableValueKind.Double, bars.Low, null),
            new TableColumn("close", "DOUBLE", TableValueKind.Double, bars.Close, null),
            new TableColumn("volume", "DOUBLE", TableValueKind.Double, bars.Volume, MissingVolumes(bars.Volume)),
        ],
        bars.Count);

    // A bar without volume (NaN) is written as a null, an empty CSV field, which every reader takes as missing.
    private static bool[]? MissingVolumes(double[] volume) =>
        Array.Exists(volume, double.IsNaN) ? Array.ConvertAll(volume, double.IsNaN) : null;
}
