using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Lemegeton.Gateway.Tests.Infrastructure;

/// <summary>The real gateway: <c>dotnet lemegeton.dll gateway start --foreground</c> on a free port, in a test repository.</summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly string _root;

    private GatewayProcess(Process process, string root)
    {
        Process = process;
        _root = root;
    }

    public Process Process { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Url { get; private set; } = "";

    public Uri WebSocketUri(string query = "") => new(Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws" + query);

    public static GatewayProcess Start(string root, params string[] sets)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lemegeton.dll"));
        foreach (var a in new[] { "gateway", "start", "--foreground", "--set", "gateway.port=0" }) psi.ArgumentList.Add(a);
        foreach (var s in sets) { psi.ArgumentList.Add("--set"); psi.ArgumentList.Add(s); }
        var process = Process.Start(psi)!;
        var run = new GatewayProcess(process, root);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (run._output) run._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run._output) run._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return run;
    }

    /// <summary>Waits until this process answers <c>/api/status</c> at the URL it wrote.</summary>
    public async Task WaitReadyAsync(TimeSpan? bound = null)
    {
        var urlFile = Path.Combine(_root, ".lemegeton", "gateway.url");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (bound ?? TimeSpan.FromSeconds(60)))
        {
            if (Process.HasExited) Assert.Fail($"the gateway exited with {Process.ExitCode}: {Output}");
            if (File.Exists(urlFile))
            {
                try
                {
                    var url = (await File.ReadAllTextAsync(urlFile)).Trim();
                    using var doc = JsonDocument.Parse(await http.GetStringAsync(url + "/api/status"));
                    if (doc.RootElement.GetProperty("pid").GetInt32() == Process.Id)
                    {
                        Url = url;
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or JsonException) { }
            }
            await Task.Delay(50); // polling another process's readiness: there is no signal to await across processes
        }
        Assert.Fail($"the gateway did not become ready: {Output}");
    }

    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return JsonDocument.Parse(await http.GetStringAsync(Url + path));
    }

    public void Kill()
    {
        Process.Kill(); // SIGKILL
        Process.WaitForExit();
    }

    public void Dispose()
    {
        if (!Process.HasExited) { try { Process.Kill(); Process.WaitForExit(); } catch (InvalidOperationException) { } }
        Process.Dispose();
    }
}
