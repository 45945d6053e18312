using System.Diagnostics;
using System.Text;

namespace Lemegeton.Hub.Tests.Infrastructure;

/// <summary>Runs the built <c>lemegeton</c> executable (<c>dotnet lemegeton.dll …</c>) as a real process.</summary>
public sealed class LemegetonProcess : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private LemegetonProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Starts <c>lemegeton args…</c> in <paramref name="workingDirectory"/>; does not wait.</summary>
    public static LemegetonProcess Start(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "lemegeton.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var run = new LemegetonProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (run._output) run._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run._error) run._error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return run;
    }

    /// <summary>Runs <c>lemegeton args…</c> to completion (a generous bound guards against a hang).</summary>
    public static async Task<LemegetonProcess> RunAsync(string workingDirectory, params string[] args)
    {
        var run = Start(workingDirectory, args);
        await run.WaitForExitAsync();
        return run;
    }

    public int ExitCode => Process.ExitCode;

    /// <summary>Waits for the process to exit, and for its output to be read; fails the test after a generous bound.</summary>
    public async Task WaitForExitAsync(TimeSpan? bound = null)
    {
        using var cts = new CancellationTokenSource(bound ?? Generous);
        try { await Process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { Assert.Fail($"lemegeton did not exit within {(bound ?? Generous).TotalSeconds} s; output: {Output} error: {Error}"); }
    }

    public void Dispose()
    {
        if (!Process.HasExited) { try { Process.Kill(); } catch (InvalidOperationException) { } }
        Process.Dispose();
    }
}
