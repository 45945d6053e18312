using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, or <c>LEMEGETON_CHROMIUM</c>) with a fresh
/// profile and DevTools on a port it picks itself, driven over <see cref="CdpConnection"/>.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly StringBuilder _stderr;

    private ChromiumBrowser(Process process, string profile, StringBuilder stderr, CdpConnection connection)
    {
        _process = process;
        _profile = profile;
        _stderr = stderr;
        Connection = connection;
    }

    public CdpConnection Connection { get; }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("LEMEGETON_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static async Task<ChromiumBrowser> LaunchAsync(CancellationToken ct = default)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} not found: the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run does it).");
        var profile = Directory.CreateTempSubdirectory("lemegeton-chromium-").FullName;
        var psi = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--mute-audio", "--window-size=1400,1100", "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}", "about:blank",
        }) psi.ArgumentList.Add(arg);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {ExecutablePath}");
        var stderr = new StringBuilder();
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { endpoint.TrySetException(new InvalidOperationException("chromium exited before DevTools listened:\n" + stderr)); return; }
            lock (stderr) stderr.AppendLine(e.Data);
            const string marker = "DevTools listening on ";
            var at = e.Data.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) endpoint.TrySetResult(new Uri(e.Data[(at + marker.Length)..].Trim()));
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            // Chromium writes the same endpoint to {profile}/DevToolsActivePort; its stderr line is the awaited signal.
            var uri = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            var connection = await CdpConnection.ConnectAsync(uri, ct);
            return new ChromiumBrowser(process, profile, stderr, connection);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>A new tab with Page, Runtime and Log enabled; its errors are collected from now on.</summary>
    public async Task<BrowserPage> NewPageAsync()
    {
        var created = await Connection.SendAsync("Target.createTarget", new { url = "about:blank" });
        var targetId = created.GetProperty("targetId").GetString()!;
        var attached = await Connection.SendAsync("Target.attachToTarget", new { targetId, flatten = true });
        var page = new BrowserPage(Connection, targetId, attached.GetProperty("sessionId").GetString()!);
        await page.EnableAsync();
        return page;
    }

    public string Diagnostics { get { lock (_stderr) return _stderr.ToString(); } }

    private static void Kill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(10_000); } catch (InvalidOperationException) { }
        p.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try { await Connection.SendAsync("Browser.close", timeout: TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is TimeoutException or InvalidOperationException or JsonException) { }
        await Connection.DisposeAsync();
        Kill(_process);
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
