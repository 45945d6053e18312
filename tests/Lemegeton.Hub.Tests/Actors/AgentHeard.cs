using Lemegeton.Protocol.Coordination;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>What a <see cref="TestAgent"/> tells its monitor: a mode announcement it received.</summary>
internal sealed record AgentHeard(string AgentId, ModeAnnouncement Announcement);
