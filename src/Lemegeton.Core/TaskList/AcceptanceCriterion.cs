namespace Lemegeton.Core.TaskList;

/// <summary>One <c>- [ ]</c> / <c>- [x]</c> item of a PR's acceptance criteria. <see cref="BodyLine"/> is 1-based within <see cref="PullRequest.Body"/>.</summary>
public sealed record AcceptanceCriterion(string Text, bool Checked, int BodyLine);
