namespace Lemegeton.Agent.Execution;

/// <summary>POSIX shell quoting: a value inside single quotes, each single quote written as <c>'\''</c>.</summary>
public static class ShellQuote
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
