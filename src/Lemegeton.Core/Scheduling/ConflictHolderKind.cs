namespace Lemegeton.Core.Scheduling;

/// <summary>What holds the files a waiting PR conflicts with.</summary>
public enum ConflictHolderKind
{
    /// <summary>A PR in a hot state.</summary>
    RunningPr,
    /// <summary>A live file lease.</summary>
    Lease,
    /// <summary>A PR this same decision starts.</summary>
    StartingPr,
}
