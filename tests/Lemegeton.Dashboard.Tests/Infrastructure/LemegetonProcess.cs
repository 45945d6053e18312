using System.Diagnostics;
using System.Text;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>
/// The built <c>lemegeton</c> executable run as a real process (<c>dotnet lemegeton.dll …</c>), its
/// output collected line by line so a test can await a line while it runs.
/// </summary>
public sealed class LemegetonProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private LemegetonProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>Standard output and error, interleaved as read.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>
    /// The lemegeton.dll to run: the CLI project's own build output (the copy beside the tests lacks
    /// the Microsoft.Extensions assemblies that this project's ASP.NET Core framework reference drops),
    /// or <c>LEMEGETON_DLL</c>.
    /// </summary>
    public static string Dll { get; } = FindDll();

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
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not run dotnet");
        var run = new LemegetonProcess(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return run;
    }

    /// <summary>Runs to completion within <paramref name="bound"/> (killed after it); returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan bound, params string[] args)
    {
        using var run = Start(workingDirectory, args);
        return await run.WaitForExitAsync(bound) ? (run.Process.ExitCode, run.Output) : (-1, $"lemegeton {string.Join(' ', args)} did not exit within {bound.TotalSeconds} s: {run.Output}");
    }

    /// <summary>Waits until a line of output matches; throws with the output so far when the process exits first or the bound passes.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan bound)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            foreach (var line in _output.ToString().Split('\n'))
                if (match(line.TrimEnd('\r'))) return line.TrimEnd('\r');
            _waiters.Add((match, found));
        }
        var exited = Process.WaitForExitAsync();
        var first = await Task.WhenAny(found.Task, exited, Task.Delay(bound));
        if (first == found.Task) return await found.Task;
        // The output of an exited process may still be draining: one last look.
        await Task.Delay(200);
        if (found.Task.IsCompleted) return await found.Task;
        throw new TimeoutException($"no such line within {bound.TotalSeconds} s{(Process.HasExited ? $" (exited {Process.ExitCode})" : "")}; output:\n{Output}");
    }

    /// <summary>Waits for exit (and the end of its output); false when the bound passes first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan bound)
    {
        using var cts = new CancellationTokenSource(bound);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var w in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(w);
                w.Found.TrySetResult(line);
            }
        }
    }

    public void Dispose()
    {
        try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        Process.Dispose();
    }

    private static string FindDll()
    {
        if (Environment.GetEnvironmentVariable("LEMEGETON_DLL") is { Length: > 0 } given) return given;
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/bin/Release/net10.0
        var (configuration, framework) = (here.Parent!.Name, here.Name);
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Lemegeton.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "Lemegeton.Cli", "bin", configuration, framework, "lemegeton.dll");
            if (File.Exists(dll)) return dll;
            throw new InvalidOperationException($"{dll} not found: build the tests (they build the CLI), or set LEMEGETON_DLL.");
        }
        throw new InvalidOperationException($"no Lemegeton.sln above {here.FullName}: set LEMEGETON_DLL to the built lemegeton.dll.");
    }
}
