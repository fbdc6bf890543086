using QuantCluster.Grains.Tokens;

namespace QuantCluster.Api.Access;

/// <summary>
/// Who may call the API: holders of a token from the cluster's token store, or, on the embedded local
/// cluster served on loopback, anyone on this machine without a token.
/// </summary>
public sealed class ApiAccess
{
    private ApiAccess(PostgresTokenStore? tokens) => Tokens = tokens;

    /// <summary>The token store; null when the API is open (the local cluster).</summary>
    public PostgresTokenStore? Tokens { get; }

    public bool IsOpen => Tokens is null;

    public static ApiAccess WithTokens(PostgresTokenStore tokens) => new(tokens ?? throw new ArgumentNullException(nameof(tokens)));

    /// <summary>No tokens: every caller is an administrator. Only for a host listening on loopback.</summary>
    public static ApiAccess Open() => new(null);
}
