using System.Globalization;
using Lemegeton.Protocol.Errors;

namespace Lemegeton.Protocol.Validation;

/// <summary>
/// A fluent chain of field checks that keeps the first problem found as a <see cref="ProtocolError"/>
/// naming the message type and the JSON field.
/// </summary>
internal readonly record struct FieldCheck(string MessageType, string? Re, string Code, ProtocolError? Error)
{
    public FieldCheck WithCode(string code) => this with { Code = code };

    public ProtocolError Fail(string field, string problem, string? code = null) =>
        new(code ?? Code, $"{MessageType}.{field} {problem}.", Re);

    private FieldCheck Add(string field, string? problem, string? code = null) =>
        Error is not null || problem is null ? this : this with { Error = Fail(field, problem, code) };

    public FieldCheck Id(string field, string? value, bool optional = false) =>
        Error is not null || (optional && value is null) ? this : Add(field, IdProblem(value, ProtocolLimits.MaxIdLength));

    public FieldCheck Text(string field, string? value, bool optional = false, int maxLength = ProtocolLimits.MaxTextLength, bool allowEmpty = false)
    {
        if (Error is not null || (optional && value is null)) return this;
        if (value is null) return Add(field, "is missing");
        if (!allowEmpty && string.IsNullOrWhiteSpace(value)) return Add(field, "is empty");
        if (value.Length > maxLength) return Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
        foreach (var c in value)
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return Add(field, $"contains the control character U+{(int)c:X4}");
        return this;
    }

    public FieldCheck Range(string field, long value, long min, long max) =>
        Add(field, value < min || value > max
            ? (max == long.MaxValue || max == int.MaxValue
                ? $"is {value}; it must be at least {min}"
                : $"is {value}; it must be between {min} and {max}")
            : null);

    public FieldCheck FencingToken(long value) =>
        Add("fencingToken", value <= 0 ? $"is {value}; fencing tokens are positive" : null);

    public FieldCheck OneOf(string field, string? value, IReadOnlyList<string> allowed)
    {
        if (Error is not null) return this;
        if (value is null) return Add(field, "is missing");
        return Add(field, allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : $"is '{Printable(value)}'; expected one of {string.Join(", ", allowed)}");
    }

    public FieldCheck Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum =>
        Add(field, Enum.IsDefined(value) ? null : $"has the unknown value {Convert.ToInt64(value, CultureInfo.InvariantCulture)}");

    public FieldCheck Commit(string? value)
    {
        if (Error is not null || value is null) return this;
        if (value.Length < ProtocolLimits.MinCommitLength || value.Length > ProtocolLimits.MaxCommitLength || !value.All(char.IsAsciiHexDigit))
            return Add("commit", $"is '{Printable(value)}'; a commit is {ProtocolLimits.MinCommitLength}–{ProtocolLimits.MaxCommitLength} hexadecimal digits");
        return this;
    }

    public FieldCheck Branch(string? value)
    {
        if (Error is not null || value is null) return this;
        if (value.Length == 0 || value.Length > ProtocolLimits.MaxBranchLength)
            return Add("branch", $"must be 1–{ProtocolLimits.MaxBranchLength} characters");
        foreach (var c in value)
            if (char.IsControl(c) || char.IsWhiteSpace(c))
                return Add("branch", $"contains {Describe(c)}");
        return this;
    }

    public FieldCheck Files(string field, IReadOnlyList<string>? files, bool allowEmpty, bool optional = false)
    {
        if (Error is not null || (optional && files is null)) return this;
        if (files is null) return Add(field, "is missing");
        if (files.Count == 0 && !allowEmpty) return Add(field, "is empty; name at least one file");
        if (files.Count > ProtocolLimits.MaxFiles)
            return Add(field, $"names {files.Count} files; at most {ProtocolLimits.MaxFiles} are allowed", ErrorCodes.TooManyFiles);
        var check = this;
        for (var i = 0; i < files.Count && check.Error is null; i++)
            check = check.Path($"{field}[{i}]", files[i]);
        return check;
    }

    public FieldCheck Path(string field, string? path)
    {
        if (Error is not null) return this;
        if (string.IsNullOrWhiteSpace(path)) return Add(field, "is empty; name a file relative to the repository root", ErrorCodes.InvalidPath);
        if (path.Length > ProtocolLimits.MaxPathLength)
            return Add(field, $"is {path.Length} characters long; at most {ProtocolLimits.MaxPathLength} are allowed", ErrorCodes.InvalidPath);
        foreach (var c in path)
            if (char.IsControl(c))
                return Add(field, $"contains {Describe(c)}", ErrorCodes.InvalidPath);
        return this;
    }

    /// <summary>Why <paramref name="value"/> is not a valid id, or null when it is.</summary>
    public static string? IdProblem(string? value, int maxLength)
    {
        if (value is null) return "is missing";
        if (value.Length == 0) return "is empty";
        if (value.Length > maxLength) return $"is {value.Length} characters long; at most {maxLength} are allowed";
        foreach (var c in value)
            if (char.IsControl(c) || char.IsWhiteSpace(c))
                return $"contains {Describe(c)}; ids are printable without whitespace";
        return null;
    }

    private static string Describe(char c) => c switch
    {
        '\0' => "a NUL character",
        _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
        _ => $"whitespace (U+{(int)c:X4})",
    };

    // Keeps a refused value readable and short inside the error message.
    private static string Printable(string value)
    {
        var shortened = value.Length > 40 ? value[..40] + "…" : value;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
