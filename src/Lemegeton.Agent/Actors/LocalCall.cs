using Lemegeton.Agent.LocalSocket;

namespace Lemegeton.Agent.Actors;

/// <summary>A local socket request, asked of the agent actor; answered with a <see cref="LocalReply"/>.</summary>
internal sealed record LocalCall(LocalRequest Request);
