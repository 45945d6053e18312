namespace Lemegeton.Hocon.Configuration;

/// <summary>Configuration names keys that reference.conf does not define; the message lists each with its source and the closest known key.</summary>
public sealed class ConfigurationKeyException(IReadOnlyList<ConfigurationKeyProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ConfigurationKeyProblem> Problems { get; } = problems;
}
