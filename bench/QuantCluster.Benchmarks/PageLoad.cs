using System.Diagnostics;
using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace QuantCluster.Benchmarks;

/// <summary>
/// `-- page-load [RUNS]`: the results page of a 100,000-set job in headless chromium (Debian's, through
/// chromium-driver): from navigation start to the heatmap drawn (ECharts' 'finished'), as the page records
/// it in body[data-heatmap-drawn-ms]. The first load makes the silo read the job's 100,000 results from
/// PostgreSQL and aggregate them; later loads find the aggregation's input cached.
/// </summary>
internal static class PageLoad
{
    public static async Task RunAsync(string[] args)
    {
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var api = await ApiHarness.StartAsync(workers: Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        string id = await api.RunJobAsync(ApiHarness.HundredThousandSets());
        Console.WriteLine($"page-load: the 100,000-set job ran in {clock.Elapsed.TotalSeconds:F1} s");

        string profile = Directory.CreateTempSubdirectory("quant-bench-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,1600", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        try
        {
            driver.Navigate().GoToUrl(api.Address);
            driver.ExecuteScript($"sessionStorage.setItem('quant-token', '{api.Token}')");
            for (int run = 1; run <= runs; run++)
            {
                driver.Navigate().GoToUrl("about:blank");
                driver.Navigate().GoToUrl(new Uri(api.Address, $"#/jobs/{id}"));
                var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(120));
                string drawn = wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.body.dataset.heatmapDrawnMs") as string);
                object cells = driver.ExecuteScript("return document.getElementById('heatmap').dataset.cells")!;
                object data = driver.ExecuteScript("return document.body.dataset.heatmapDataMs")!;
                Console.WriteLine($"page-load: run {run}: heatmap of {cells} cells drawn {drawn} ms after navigation start (its data in at {data} ms){(run == 1 ? " (results read from PostgreSQL)" : " (cached on the silo)")}");
            }
        }
        finally
        {
            driver.Quit();
            Directory.Delete(profile, recursive: true);
        }
    }
}
