namespace Lemegeton.Hocon;

/// <summary>Where the resolver is with a node: lets it memoise results and recognise cycles.</summary>
internal enum ResolveState : byte
{
    Unresolved,
    InProgress,
    Resolved,
}
