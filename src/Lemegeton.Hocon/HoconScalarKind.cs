namespace Lemegeton.Hocon;

/// <summary>The JSON type a HOCON scalar has after parsing.</summary>
public enum HoconScalarKind
{
    /// <summary>A quoted, unquoted or triple-quoted string, or a concatenation of several values.</summary>
    String,
    /// <summary>A number written as JSON would write it (e.g. <c>42</c>, <c>-1.5e3</c>).</summary>
    Number,
    /// <summary>The unquoted literal <c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>The unquoted literal <c>null</c>.</summary>
    Null,
}
