using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// One real silo: `dotnet quant-silo.dll` built beside the tests, with QUANT_DB set to a test database,
/// listening on loopback ports of its own, and membership timings that notice a death in about 2 s.
/// Everything it logs is kept for failure messages. Disposing kills it, whatever state the test left it in.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Probes time out after 1 s, 2 missed declare a silo dead with 1 vote; one worker, as the machines running the tests have two cores.</summary>
    private static readonly string[] Timings =
        ["--workers", "1", "--probe-timeout", "1", "--missed-probes", "2", "--death-votes", "1", "--cache-mb", "256"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private SiloProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Port = port;
    }

    /// <summary>How the tests call it in messages.</summary>
    public string Name { get; }

    /// <summary>Its silo-to-silo port, which names it in the membership table and in silo addresses (127.0.0.1:PORT@generation).</summary>
    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public string Log => string.Join('\n', _log);

    /// <param name="connectionString">The database the silo joins.</param>
    /// <param name="name">For messages.</param>
    /// <param name="barEvaluationsPerItem">Bars x parameter sets per item of a job submitted to this silo.</param>
    /// <param name="dashboardPort">Where it serves the Orleans dashboard; 0 for nowhere.</param>
    /// <param name="httpPort">Where it serves its HTTP endpoints; 0 for nowhere.</param>
    public static SiloProcess Start(string connectionString, string name, long barEvaluationsPerItem, int dashboardPort = 0, int httpPort = 0)
    {
        int port = FreePort(), gateway = FreePort();
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

        foreach (string argument in new[] { "--address", "127.0.0.1", "--silo-port", Text(port), "--gateway-port", Text(gateway), "--bar-evaluations-per-item", Text(barEvaluationsPerItem), "--dashboard-port", Text(dashboardPort), "--http-port", Text(httpPort) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["QUANT_DB"] = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;

        // A developer's telemetry endpoint would only slow the silos down and mix test spans into real traces.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, name, port);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Whether a silo address as snapshots give it (127.0.0.1:PORT@generation) is this silo's.</summary>
    public bool Is(string siloAddress) => siloAddress.Contains($":{Port}@", StringComparison.Ordinal);

    /// <summary>SIGKILL: no clean leave, connections cut by the kernel, as a crash or an OOM kill.</summary>
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

    /// <summary>SIGSTOP: the silo does nothing more until <see cref="ResumeAsync"/>, so what it holds holds still while a test looks.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

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

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Text(_process.Id)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }
}
