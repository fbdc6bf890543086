namespace QuantCluster.Engine.Simulation;

/// <summary>
/// A completed round trip. Its return runs from the equity just before the entry fill's
/// commission to the equity just after the exit fill's, so both commissions count against it.
/// </summary>
public sealed record Trade(
    int Direction, int EntryBar, long EntryTime, double EntryPrice, int ExitBar, long ExitTime, double ExitPrice, double Return, double ProfitAndLoss);
