namespace QuantCluster.Grains.Tokens;

/// <summary>A token just created, with the secret the caller must keep: the store holds only its hash.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);
