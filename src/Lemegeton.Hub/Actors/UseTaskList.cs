using Lemegeton.Core.TaskList;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → scheduler: the task list changed; schedule over these PRs from now on.</summary>
public sealed record UseTaskList(IReadOnlyList<PullRequest> Prs);
