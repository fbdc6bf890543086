using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// Debian's chromium, headless, driven through Debian's chromium-driver (Selenium), with a fresh profile
/// and nothing that reaches outside the machine. Screenshots go under the test output (screenshots/).
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly TempDirectory _profile = new();

    public HeadlessChromium()
    {
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,2300", $"--user-data-dir={_profile.Path}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Why the browser tests cannot run here; null when they can. On CI they must run, so CI gets no reason.</summary>
    public static string? SkipReason =>
        File.Exists(BrowserPath) && File.Exists(DriverPath) || Environment.GetEnvironmentVariable("CI") is "true" or "1"
            ? null
            : $"{BrowserPath} or {DriverPath} is missing: ./test.sh installs them (apt-get install chromium chromium-driver, as root)";

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IWebDriver Driver { get; }

    public void Open(Uri address) => Driver.Navigate().GoToUrl(address);

    /// <summary>Waits for the script to give a value other than null (or false), and returns it.</summary>
    public object Until(string script, TimeSpan timeout, string what)
    {
        var wait = new WebDriverWait(Driver, timeout) { Message = $"waiting for {what}" };
        return wait.Until(driver => ((IJavaScriptExecutor)driver).ExecuteScript(script) is { } value && value is not false ? value : null);
    }

    public object? Run(string script) => ((IJavaScriptExecutor)Driver).ExecuteScript(script);

    /// <summary>Writes a screenshot to screenshots/NAME.png under the test output and returns its path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        string path = Path.Combine(ScreenshotFolder, $"{name}.png");
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _profile.Dispose();
    }
}
