using System.Diagnostics;

namespace QuantCluster.Benchmarks;

/// <summary>A quant-silo process (built beside the benchmarks), killed with its tree when disposed.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process) => _process = process;

    /// <param name="connectionString">The cluster's database.</param>
    /// <param name="workers">Evaluation workers.</param>
    /// <param name="index">Which silo of the machine: its ports are 11111 + index and 30000 + index, on loopback.</param>
    /// <param name="cacheMb">Its bar and indicator cache, in MiB.</param>
    /// <param name="httpPort">Where it serves the HTTP API; 0 for nowhere.</param>
    public static SiloProcess Start(string connectionString, int workers, int index, int cacheMb = 4096, int httpPort = 0)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quant-silo.dll"));
        foreach (string argument in new[]
        {
            "--workers", Text(workers), "--address", "127.0.0.1", "--silo-port", Text(11111 + index), "--gateway-port", Text(30000 + index), "--dashboard-port", "0", "--http-port", Text(httpPort), "--cache-mb", Text(cacheMb),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["QUANT_DB"] = connectionString;
        var process = Process.Start(start) ?? throw new InvalidOperationException("quant-silo did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"silo: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process);
    }

    public int ProcessId => _process.Id;

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
