using Microsoft.Extensions.Options;

namespace Lemegeton.Cli.Configuration;

/// <summary>Validates an Options class by its <see cref="OptionsRule{T}"/>s; each failure reads <c>key: problem</c>.</summary>
public sealed class RuleValidator<T>(params OptionsRule<T>[] rules) : IValidateOptions<T> where T : class
{
    public IReadOnlyList<OptionsRule<T>> Rules { get; } = rules;

    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        foreach (var rule in Rules)
            if (rule.Check(options) is { } problem) (failures ??= []).Add($"{rule.Key}: {problem}");
        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
