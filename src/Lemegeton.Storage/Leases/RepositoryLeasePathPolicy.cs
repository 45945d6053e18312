using Lemegeton.Core.Leases;

namespace Lemegeton.Storage.Leases;

/// <summary>
/// The domain's path rules applied to a repository on disk: <see cref="LeasePaths.NormalizeRequest"/>
/// refuses unsafe paths, then <see cref="PairedTestFiles.Expand"/> adds the paired test (or source)
/// files that exist in the working tree.
/// </summary>
public sealed class RepositoryLeasePathPolicy(string repositoryRoot, int maxFilesPerRequest = LeasePaths.DefaultMaxFilesPerRequest, bool pairedLocking = true)
    : ILeasePathPolicy
{
    private readonly string _root = Path.GetFullPath(repositoryRoot);

    public bool TryPrepare(IReadOnlyList<string> requested, out IReadOnlyList<string> files, out string? error)
    {
        var request = LeasePaths.NormalizeRequest(requested, maxFilesPerRequest);
        if (!request.IsValid)
        {
            files = [];
            error = request.Error;
            return false;
        }
        files = pairedLocking ? PairedTestFiles.Expand(request.Paths, Exists) : request.Paths;
        error = null;
        return true;
    }

    private bool Exists(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        // A symlinked directory could point outside; only files inside the repository count.
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full);
    }
}
