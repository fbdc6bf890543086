using System.CommandLine;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Tokens;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Tokens;

/// <summary>`quant token create|list|revoke`: the HTTP API's tokens, in the cluster's database (--db or QUANT_DB).</summary>
internal static class TokenCommand
{
    public static Command Create() => new("token", "Create, list and revoke the HTTP API's tokens (in the cluster's database: --db or QUANT_DB).")
    {
        New(), List(), Revoke(),
    };

    private static Command New()
    {
        var database = new DatabaseOption();
        var name = new Option<string>("--name") { Description = "Who or what the token is for (unique among live tokens).", Required = true };
        var admin = new Option<bool>("--admin") { Description = "The token sees every job, not only those it submitted." };
        var rate = new Option<int>("--rate") { Description = "Requests a second it may make (a burst of as many).", DefaultValueFactory = _ => PostgresTokenStore.DefaultRatePerSecond };
        var command = new Command("create", "Create a token and print its secret, once, on stdout: the database keeps only its hash.") { name, admin, rate, database.Option };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            string connectionString = database.ConnectionString(parse);
            await ClusterSchema.ApplyAsync(connectionString, cancellation);
            await using var tokens = PostgresTokenStore.Open(connectionString);
            var issued = await tokens.CreateAsync(parse.GetValue(name)!, parse.GetValue(admin), parse.GetValue(rate), cancellation);
            Console.Error.WriteLine(
                $"Created token '{issued.Token.Name}' ({(issued.Token.IsAdmin ? "admin: sees every job" : "sees the jobs it submits")}, " +
                $"{issued.Token.RatePerSecond} requests/s). Its secret, shown only now:");
            Console.WriteLine(issued.Secret);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var database = new DatabaseOption();
        var command = new Command("list", "Every token, revoked ones included (never their secrets).") { database.Option };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var tokens = PostgresTokenStore.Open(database.ConnectionString(parse));
            var table = new Table().AddColumns("name", "admin", "rate/s", "created (UTC)", "revoked (UTC)");
            foreach (var token in await tokens.ListAsync(cancellation))
            {
                table.AddRow(
                    Markup.Escape(token.Name), token.IsAdmin ? "yes" : "no", $"{token.RatePerSecond}", $"{token.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}",
                    token.RevokedAt is { } revoked ? $"{revoked.UtcDateTime:yyyy-MM-dd HH:mm:ss}" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var database = new DatabaseOption();
        var name = new Argument<string>("name") { Description = "The live token's name." };
        var command = new Command("revoke", "Revoke a token: it is refused from its next request on.") { name, database.Option };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var tokens = PostgresTokenStore.Open(database.ConnectionString(parse));
            var token = await tokens.RevokeAsync(parse.GetValue(name)!, cancellation);
            Console.WriteLine($"Revoked token '{token.Name}'.");
            return 0;
        }));
        return command;
    }
}
