using System.Text;

namespace Lemegeton.Cli.Tests.Infrastructure;

/// <summary>A thread-safe string writer whose text can be awaited: <see cref="WaitFor"/> completes once the text contains a string.</summary>
internal sealed class WatchedWriter : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Done)> _waits = [];

    public override Encoding Encoding => Encoding.UTF8;

    public Task WaitFor(string text)
    {
        lock (_gate)
        {
            if (base.ToString().Contains(text, StringComparison.Ordinal)) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, done));
            return done.Task;
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
            Check();
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
            Check();
        }
    }

    public override string ToString()
    {
        lock (_gate) return base.ToString();
    }

    private void Check()
    {
        var text = base.ToString();
        for (var i = _waits.Count - 1; i >= 0; i--)
            if (text.Contains(_waits[i].Text, StringComparison.Ordinal)) { _waits[i].Done.TrySetResult(); _waits.RemoveAt(i); }
    }
}
