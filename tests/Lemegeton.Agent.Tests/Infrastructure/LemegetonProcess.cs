using System.Diagnostics;
using System.Text;

namespace Lemegeton.Agent.Tests.Infrastructure;

/// <summary>Runs the built <c>lemegeton</c> executable (<c>dotnet lemegeton.dll …</c>) as a real process.</summary>
internal sealed class LemegetonProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    private LemegetonProcess(Process process) => Process = process;

    public Process Process { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "lemegeton.dll");

    /// <summary>A shell command line that runs lemegeton (for --exec templates and scripts).</summary>
    public static string ShellCommand => $"dotnet '{Dll}'";

    /// <summary>Standard output and error, interleaved.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static LemegetonProcess Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LEMEGETON__LOGGING__LEVEL"] = "Information";
        var run = new LemegetonProcess(Process.Start(psi)!);
        run.Process.OutputDataReceived += (_, e) => run.Add(e.Data);
        run.Process.ErrorDataReceived += (_, e) => run.Add(e.Data);
        run.Process.BeginOutputReadLine();
        run.Process.BeginErrorReadLine();
        run.Process.StandardInput.Close();
        return run;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var w in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(w);
                w.Seen.TrySetResult();
            }
        }
    }

    /// <summary>Completes when a line containing <paramref name="text"/> is printed (now or already).</summary>
    public async Task WaitForLine(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal)) return;
            _waiters.Add((text, seen));
        }
        if (await Task.WhenAny(seen.Task, Task.Delay(timeout)) != seen.Task)
            throw new TimeoutException($"lemegeton did not print '{text}' within {timeout.TotalSeconds:0} s. Output:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await Process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"lemegeton did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}"); }
        return Process.ExitCode;
    }

    /// <summary>SIGTERM, as an operator or the spawner stops an agent.</summary>
    public void Terminate()
    {
        if (!Process.HasExited) Process.Kill(Posix.SigTerm);
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!Process.HasExited)
        {
            Terminate();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await Process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { Process.Kill(entireProcessTree: true); }
        }
        Process.Dispose();
    }
}
