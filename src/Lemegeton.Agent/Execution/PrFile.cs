using System.Text;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Agent.Execution;

/// <summary>
/// The file named by <c>LEMEGETON_PR_FILE</c>: the assignment as Markdown (title, kind, files, fencing
/// token, branch, then the PR's body from the task list, acceptance criteria included), so a coding tool
/// can be pointed at one file.
/// </summary>
public static class PrFile
{
    public static string Render(AssignPr assignment, string? branch)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var sb = new StringBuilder();
        sb.Append("# ").Append(assignment.PrId).Append(": ").Append(assignment.Title).Append("\n\n");
        sb.Append("- kind: ").Append(assignment.Kind.ToString().ToLowerInvariant()).Append('\n');
        sb.Append("- fencing token: ").Append(assignment.FencingToken).Append('\n');
        if (branch is not null) sb.Append("- branch: ").Append(branch).Append('\n');
        sb.Append("- files (leased for you; lease others with `lemegeton lease acquire FILE…` first):\n");
        foreach (var f in assignment.Files) sb.Append("  - ").Append(f).Append('\n');
        sb.Append('\n').Append(assignment.Body.TrimEnd()).Append('\n');
        return sb.ToString();
    }

    public static async Task<string> WriteAsync(string directory, AssignPr assignment, string? branch)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, assignment.PrId + ".md");
        await File.WriteAllTextAsync(path, Render(assignment, branch), new UTF8Encoding(false)).ConfigureAwait(false);
        return path;
    }
}
