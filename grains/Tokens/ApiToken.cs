namespace QuantCluster.Grains.Tokens;

/// <summary>An API token as stored: never the secret itself, which is shown once when it is created.</summary>
/// <param name="RatePerSecond">Requests a second the token may make, sustained; a burst of as many is allowed.</param>
public sealed record ApiToken(Guid Id, string Name, bool IsAdmin, int RatePerSecond, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
