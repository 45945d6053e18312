using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Daemon;

/// <summary>The hub's log files (<c>lemegeton.logging.*</c>).</summary>
public sealed class LoggingOptions
{
    /// <summary>Lowest level written. Default <see cref="LogLevel.Information"/>.</summary>
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>Folder of the rolling log files, relative to the repository root. Default <c>.lemegeton/logs</c>.</summary>
    public string Directory { get; set; } = ".lemegeton/logs";

    /// <summary><c>text</c> (one readable line per event, properties appended) or <c>json</c> (one JSON object per line). Default text.</summary>
    public string Format { get; set; } = "text";

    /// <summary>Most log files kept; older ones are deleted. Default 14.</summary>
    public int RetainedFiles { get; set; } = 14;

    /// <summary>A file is rolled once it reaches this size, in bytes. Default 64 MiB.</summary>
    public long FileSizeLimit { get; set; } = 64L * 1024 * 1024;

    /// <summary>True for <c>json</c>, false for <c>text</c>.</summary>
    public bool IsJson => string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The log folder for a repository.</summary>
    public string DirectoryFor(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, Directory));

    /// <summary>Problems with these values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Level)) errors.Add($"lemegeton.logging.level: '{Level}' is not a level; use trace, debug, information, warning, error, critical or none.");
        if (string.IsNullOrWhiteSpace(Directory)) errors.Add("lemegeton.logging.directory: must not be empty.");
        if (!string.Equals(Format, "text", StringComparison.OrdinalIgnoreCase) && !IsJson)
            errors.Add($"lemegeton.logging.format: '{Format}' is not a format; use text or json.");
        if (RetainedFiles < 1) errors.Add($"lemegeton.logging.retained-files: {RetainedFiles} must be at least 1.");
        if (FileSizeLimit < 64 * 1024) errors.Add($"lemegeton.logging.file-size-limit: {FileSizeLimit} bytes is below the minimum of 64KiB.");
        return errors;
    }
}
