using QuantCluster.Data.Postgres.Migrations;

namespace QuantCluster.Grains.Tokens;

/// <summary>
/// 1004_api_tokens: the HTTP API's tokens, kept as SHA-256 hashes only (a token is 256 random bits, so
/// a plain hash is as good as a slow one), and which token submitted which job. A name is unique among
/// the tokens not revoked, so a revoked name can be issued again.
/// </summary>
internal static class M1004ApiTokens
{
    public static Migration Migration { get; } = new(1004, "1004_api_tokens", """
        CREATE TABLE IF NOT EXISTS api_tokens (
            id           uuid        PRIMARY KEY,
            name         text        NOT NULL,
            hash         bytea       NOT NULL UNIQUE,
            is_admin     boolean     NOT NULL,
            rate_per_sec integer     NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now(),
            revoked_at   timestamptz
        );

        CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

        CREATE TABLE IF NOT EXISTS api_job_owners (
            job_id   uuid PRIMARY KEY,
            token_id uuid NOT NULL REFERENCES api_tokens (id)
        );

        CREATE INDEX IF NOT EXISTS api_job_owners_token ON api_job_owners (token_id);
        """);
}
