using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>A PR someone is working on: its hot state and the agent holding it. Its files block others.</summary>
public sealed record RunningPr(string PrId, HotState HotState, string AgentId);
