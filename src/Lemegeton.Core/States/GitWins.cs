namespace Lemegeton.Core.States;

/// <summary>Git holds <see cref="Git"/> for <see cref="PrId"/> where the journal says <see cref="Journal"/>: git's value is taken.</summary>
public sealed record GitWins(string PrId, ColdState Journal, ColdState Git);
