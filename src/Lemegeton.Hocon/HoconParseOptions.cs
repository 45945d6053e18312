namespace Lemegeton.Hocon;

/// <summary>How a HOCON document is read: where environment variables and relative includes come from.</summary>
public sealed class HoconParseOptions
{
    /// <summary>Options with the process environment and no base directory.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// Answers <c>${X}</c> / <c>${?X}</c> that the document itself does not define. Null means the
    /// process environment. Tests inject a dictionary here instead of touching the real environment.
    /// </summary>
    public Func<string, string?>? EnvironmentVariables { get; init; }

    /// <summary>
    /// Directory that relative <c>include</c>s of text without a file name are resolved against.
    /// Includes in a named file are always resolved against that file's directory.
    /// </summary>
    public string? BaseDirectory { get; init; }

    internal string? LookupEnvironment(string name) =>
        EnvironmentVariables is { } lookup ? lookup(name) : Environment.GetEnvironmentVariable(name);
}
