using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// One real silo: `dotnet quant-silo.dll` built beside the tests, with QUANT_DB set to a test
/// database and short timings, so that a death is noticed in seconds and a small sweep still has
/// many items and phases. Everything it logs is kept for failure messages. Disposing kills it and
/// anything it started, whatever state the test left it in.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Heartbeats every half second, dead after 3 s of silence; one worker, as the machines running the tests have two cores.</summary>
    private static readonly string[] Timings =
        ["--workers", "1", "--heartbeat", "0.5", "--dead-after", "3", "--cache-mb", "256"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private SiloProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>How the tests call it in messages, and its sessions' application_name in pg_stat_activity.</summary>
    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Log => string.Join('\n', _log);

    /// <param name="connectionString">The database the silo joins.</param>
    /// <param name="name">Also its application_name, so the tests can tell its sessions from the others'.</param>
    /// <param name="itemsPerPhase">Items a job started by this silo queues per phase.</param>
    /// <param name="barEvaluationsPerItem">Bars x parameter sets per item of a job started by this silo.</param>
    public static SiloProcess Start(string connectionString, string name, int itemsPerPhase, long barEvaluationsPerItem)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quant-silo.dll"));
        foreach (string argument in Timings)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--items-per-phase");
        start.ArgumentList.Add(itemsPerPhase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--bar-evaluations-per-item");
        start.ArgumentList.Add(barEvaluationsPerItem.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["QUANT_DB"] = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;

        // A developer's telemetry endpoint would only slow the silos down and mix test spans into real traces.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, name);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>The process id a silo id carries: ids read {machine}-{pid}-{8 hex digits}, and a machine name may hold dashes.</summary>
    public static int ProcessIdOf(string siloId) =>
        int.Parse(siloId.Split('-')[^2], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SIGKILL: no clean leave, no last heartbeat, connections cut by the kernel, as a crash or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as Kubernetes or systemd stop a silo; waits for the process to end and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        await SignalAsync("TERM");
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGSTOP: the silo sends nothing more until <see cref="Resume"/>, so its rows in the store hold still while a test reads them.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="FreezeAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue($"[{Name}] {line}");
        }
    }

    private async Task SignalAsync(string signal)
    {
        // .NET sends only SIGKILL itself; kill(1) sends the others.
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {ProcessId} failed with exit code {kill.ExitCode}.");
        }
    }
}
