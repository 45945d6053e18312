namespace Lemegeton.Hub.Admin;

/// <summary>The body of an admin API error: a stable code and a sentence for people.</summary>
public sealed record HubAdminError(string Code, string Message);
