using System.Diagnostics;

namespace QuantCluster.Benchmarks;

/// <summary>A quant-silo process (built beside the benchmarks), killed with its tree when disposed.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process) => _process = process;

    public static SiloProcess Start(string connectionString, int workers)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quant-silo.dll"));
        start.ArgumentList.Add("--workers");
        start.ArgumentList.Add(workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
