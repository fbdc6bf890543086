using System.Text.Json.Nodes;
using OpenQA.Selenium;
using QuantCluster.Cluster.Tests.Api;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Browser;

/// <summary>
/// The results page a silo serves, in headless chromium: a finished job in the list, its heatmap with a
/// cell per parameter pair and the best one marked, and its equity chart. Screenshots land in screenshots/.
/// </summary>
public sealed class ResultsPageTests
{
    private static readonly TimeSpan Drawing = TimeSpan.FromSeconds(30);

    [BrowserFact]
    public async Task The_page_lists_a_finished_job_and_draws_its_heatmap_and_equity_curve()
    {
        using var sweep = new SmaSweep();
        await using var api = await ApiSilo.StartAsync();
        string token = await api.CreateTokenAsync("browser");
        using var http = api.Client(token);
        var (id, end) = await RunToEndAsync(http, ApiSpecs.SmallGrid(sweep.BarsFile));
        var best = end["best"]![0]!["parameters"]!;
        var results = JsonNode.Parse(await http.GetStringAsync($"api/jobs/{id}/results?format=json"))!.AsArray();
        // Two axes, so a cell per (fast, slow) of a set that qualifies: one trade at least, and a sharpe.
        int qualifying = results.Count(r => r!["metrics"]!["trades"]!.GetValue<double>() >= 1 && r["metrics"]!["sharpe"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number);
        using var browser = new HeadlessChromium();

        browser.Open(api.BaseAddress);
        var tokenField = (IWebElement)browser.Until("return document.querySelector('form.token input')", Drawing, "the page to ask for a token");
        tokenField.SendKeys(token);
        tokenField.Submit();
        browser.Until($"return document.querySelector('#jobs tr[data-job=\"{id}\"]')", Drawing, "the job in the list");
        string listed = (string)browser.Run($"return document.querySelector('#jobs tr[data-job=\"{id}\"] td:nth-child(2)').textContent")!;
        browser.Screenshot("job-list");
        browser.Open(new Uri(api.BaseAddress, $"#/jobs/{id}"));
        browser.Until("return document.getElementById('heatmap')?.dataset.cells", Drawing, "the heatmap");
        browser.Until("return document.getElementById('equity')?.dataset.points", Drawing, "the equity chart");
        long drawnCells = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('heatmap')).getOption().series[0].data.length")!;
        string bestCell = (string)browser.Run("return document.getElementById('heatmap').dataset.best")!;
        long equityPoints = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('equity')).getOption().series[0].data.length")!;
        long drawdownPoints = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('equity')).getOption().series[1].data.length")!;
        bool painted = (bool)browser.Run(
            "const c = document.querySelector('#equity canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;" +
            "for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false;")!;
        string screenshot = browser.Screenshot("job-page");

        Assert.Equal("completed", listed);
        Assert.Equal(qualifying, drawnCells);
        Assert.Equal($"{best["fast"]},{best["slow"]}", bestCell);
        Assert.Equal(BacktestPoints(100_000), equityPoints);
        Assert.Equal(equityPoints, drawdownPoints);
        Assert.True(painted, "the equity chart's canvas is blank");
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"the screenshot {screenshot} is nearly empty");
    }

    [BrowserFact]
    public async Task The_page_draws_a_genetic_jobs_generations_and_a_walk_forwards_folds()
    {
        using var sweep = new SmaSweep();
        await using var api = await ApiSilo.StartAsync();
        string token = await api.CreateTokenAsync("browser");
        using var http = api.Client(token);
        var (genetic, geneticEnd) = await RunToEndAsync(http, ApiSpecs.SmallGenetic(sweep.BarsFile));
        var (walkForward, walkForwardEnd) = await RunToEndAsync(http, ApiSpecs.SmallWalkForward(sweep.BarsFile));
        using var browser = new HeadlessChromium();
        browser.Open(api.BaseAddress);
        var tokenField = (IWebElement)browser.Until("return document.querySelector('form.token input')", Drawing, "the page to ask for a token");
        tokenField.SendKeys(token);
        tokenField.Submit();
        browser.Until($"return document.querySelector('#jobs tr[data-job=\"{walkForward}\"]')", Drawing, "the jobs in the list");

        browser.Open(new Uri(api.BaseAddress, $"#/jobs/{genetic}"));
        browser.Until("return document.getElementById('generations')?.dataset.points", Drawing, "the generations chart");
        long generationPoints = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('generations')).getOption().series[0].data.length")!;
        browser.Screenshot("genetic-job");
        browser.Open(new Uri(api.BaseAddress, $"#/jobs/{walkForward}"));
        browser.Until("return document.getElementById('folds')?.dataset.folds", Drawing, "the fold chart");
        long foldBars = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('folds')).getOption().series[1].data.length")!;
        long foldRows = (long)browser.Run("return document.querySelectorAll('#fold-table tr').length - 1")!;
        string summary = (string)browser.Run("return document.getElementById('fold-summary').textContent")!;
        browser.Screenshot("walk-forward-job");

        Assert.Equal(5, geneticEnd["search"]!["generations"]!.AsArray().Count);
        Assert.Equal(5, generationPoints);
        Assert.Equal(3, walkForwardEnd["search"]!["folds"]!.AsArray().Count);
        Assert.Equal(3, foldBars);
        Assert.Equal(3, foldRows);
        Assert.Contains("walk-forward efficiency", summary, StringComparison.Ordinal);
    }

    /// <summary>POSTs a job and follows its events to the end: its id and its last view.</summary>
    private static async Task<(string Id, JsonNode End)> RunToEndAsync(HttpClient http, JsonNode spec)
    {
        var submitted = JsonNode.Parse(await (await ApiSilo.SubmitAsync(http, spec)).Content.ReadAsStringAsync())!;
        string id = submitted["jobId"]!.GetValue<string>();
        return (id, await ApiSilo.WatchToEndAsync(http, id));
    }

    /// <summary>Points of a backtest's equity curve as the API thins it: a point per stretch of ceil(bars / 2000) bars.</summary>
    private static long BacktestPoints(int bars)
    {
        int stride = (bars + 1999) / 2000;
        return (bars + stride - 1) / stride;
    }
}
