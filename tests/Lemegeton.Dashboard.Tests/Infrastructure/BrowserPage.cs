using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>One Chromium tab over a flat DevTools session: navigate, evaluate, await DOM conditions, screenshot.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly CdpConnection _cdp;
    private readonly string _targetId;
    private readonly string _sessionId;
    private readonly ConcurrentQueue<string> _errors = new();

    public BrowserPage(CdpConnection cdp, string targetId, string sessionId)
    {
        _cdp = cdp;
        _targetId = targetId;
        _sessionId = sessionId;
        _cdp.EventReceived += OnEvent;
    }

    /// <summary>Console errors, uncaught exceptions and error log entries (failed loads among them) seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors.ToArray();

    internal async Task EnableAsync()
    {
        await Send("Runtime.enable");
        await Send("Log.enable");
        await Send("Page.enable");
        await Send("Emulation.setDeviceMetricsOverride", new { width = 1400, height = 1100, deviceScaleFactor = 1, mobile = false });
    }

    private void OnEvent(string method, string? sessionId, JsonElement p)
    {
        if (sessionId != _sessionId) return;
        switch (method)
        {
            case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                _errors.Enqueue("console." + p.GetProperty("type").GetString() + ": " + string.Join(' ',
                    p.GetProperty("args").EnumerateArray().Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var d) ? d.GetString() : "?")));
                break;
            case "Runtime.exceptionThrown":
                var details = p.GetProperty("exceptionDetails");
                _errors.Enqueue("exception: " + (details.TryGetProperty("exception", out var ex) && ex.TryGetProperty("description", out var desc) ? desc.GetString() : details.GetProperty("text").GetString()));
                break;
            case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                var entry = p.GetProperty("entry");
                _errors.Enqueue($"log ({entry.GetProperty("source").GetString()}): {entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var u) ? u.GetString() : "")}");
                break;
        }
    }

    private Task<JsonElement> Send(string method, object? parameters = null) => _cdp.SendAsync(method, parameters, _sessionId);

    /// <summary>Navigates and waits until the document has loaded.</summary>
    public async Task NavigateAsync(Uri url)
    {
        var result = await Send("Page.navigate", new { url = url.ToString() });
        if (result.TryGetProperty("errorText", out var error)) throw new InvalidOperationException($"navigation to {url} failed: {error.GetString()}");
        await WaitForAsync("document.readyState === 'complete'", TimeSpan.FromSeconds(15));
    }

    /// <summary>Evaluates a JavaScript expression (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var ex))
            throw new InvalidOperationException($"evaluating `{expression}` threw: {ex.GetRawText()}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : default;
    }

    public async Task<T> EvaluateAsync<T>(string expression) =>
        (await EvaluateAsync(expression)).Deserialize<T>() ?? throw new InvalidOperationException($"`{expression}` gave null");

    /// <summary>
    /// Polls <paramref name="condition"/> (a JavaScript expression) until it is truthy; throws with the
    /// condition's text when the deadline passes. Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> WaitForAsync(string condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await EvaluateAsync($"!!({condition})");
            if (value.ValueKind == JsonValueKind.True) return watch.Elapsed;
            if (watch.Elapsed > timeout) throw new TimeoutException($"not true within {timeout.TotalSeconds} s: {condition}");
            await Task.Delay(20);
        }
    }

    /// <summary>Emulates the user's colour-scheme preference ("light" or "dark").</summary>
    public Task EmulateColorSchemeAsync(string scheme) =>
        Send("Emulation.setEmulatedMedia", new { features = new[] { new { name = "prefers-color-scheme", value = scheme } } });

    /// <summary>Clicks the first element matching a CSS selector.</summary>
    public async Task ClickAsync(string selector)
    {
        var found = await EvaluateAsync($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); if (!e) return false; e.click(); return true; }})()");
        if (found.ValueKind != JsonValueKind.True) throw new InvalidOperationException($"nothing matches {selector}");
    }

    /// <summary>Saves a PNG of the page (full height) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var result = await Send("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.GetProperty("data").GetString()!));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        _cdp.EventReceived -= OnEvent;
        try { await _cdp.SendAsync("Target.closeTarget", new { targetId = _targetId }, timeout: TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException) { }
    }
}
