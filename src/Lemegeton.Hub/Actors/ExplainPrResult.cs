using Lemegeton.Core.Scheduling;

namespace Lemegeton.Hub.Actors;

/// <summary>The coordinator's answer to <see cref="ExplainPr"/>: null when the task list has no such PR.</summary>
public sealed record ExplainPrResult(PrExplanation? Explanation);
