namespace QuantCluster.Contracts;

/// <summary>Where an order decided at bar t's close is filled.</summary>
public enum FillMode
{
    /// <summary>At the next bar's open, moved adversely by slippage. The default: no look-ahead at all.</summary>
    NextOpen,

    /// <summary>At bar t's own close.</summary>
    Close,
}
