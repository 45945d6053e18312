namespace Lemegeton.Core.Scheduling;

/// <summary>The work kinds a PR can be given now (a completed PR: QC or review).</summary>
[Flags]
internal enum WorkMask
{
    None = 0,
    Planning = 1 << WorkKind.Planning,
    Implementation = 1 << WorkKind.Implementation,
    QualityCheck = 1 << WorkKind.QualityCheck,
    Review = 1 << WorkKind.Review,
}
