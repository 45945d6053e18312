namespace Lemegeton.Persistence.Local;

/// <summary>When the local journal forces its writes to disk.</summary>
public enum FsyncPolicy
{
    /// <summary>fsync every group-committed batch before acknowledging it: nothing acknowledged is lost, even on power loss.</summary>
    Always,

    /// <summary>Acknowledge once written to the OS; fsync at most once per interval (like Redis's everysec). A process crash loses nothing, a power loss up to one interval.</summary>
    Batch,

    /// <summary>Never fsync; the OS decides.</summary>
    Never,
}
