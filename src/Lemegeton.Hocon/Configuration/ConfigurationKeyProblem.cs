namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// A configuration key under <c>lemegeton</c> that reference.conf does not define (or defines as a
/// section where a value was given): the key as the user wrote it, where it came from (file:line:col,
/// environment variable or flag) and what is wrong, with the closest known key when one is close.
/// </summary>
/// <param name="Key">The key, dotted, e.g. <c>lemegeton.scheduler.max-paralel-prs</c>.</param>
/// <param name="Source">Where it was set: <c>/repo/.lemegeton/lemegeton.conf:3:22</c>, <c>environment variable LEMEGETON__…</c> or <c>--set …</c>.</param>
/// <param name="Problem">What is wrong, e.g. <c>unknown key; did you mean lemegeton.scheduler.max-parallel-prs?</c></param>
/// <param name="Suggestion">The closest known key, or null.</param>
public sealed record ConfigurationKeyProblem(string Key, string Source, string Problem, string? Suggestion)
{
    public override string ToString() => $"{Source}: {Key}: {Problem}";
}
