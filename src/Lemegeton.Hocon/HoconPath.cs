using System.Text;

namespace Lemegeton.Hocon;

/// <summary>
/// Path expressions as used in keys, substitutions and the typed getters: elements separated by
/// '.', an element in double quotes may contain '.' (e.g. <c>akka."remote.port"</c>).
/// </summary>
public static class HoconPath
{
    /// <summary>Splits a path expression into its elements.</summary>
    /// <exception cref="ArgumentException">The expression is empty, has an empty unquoted element or an unterminated quote.</exception>
    public static string[] Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var elements = new List<string>(4);
        var current = new StringBuilder();
        var elementHasText = false;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '"')
            {
                var end = expression.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new ArgumentException($"Unterminated quote in path '{expression}'.", nameof(expression));
                }

                current.Append(expression, i + 1, end - i - 1);
                elementHasText = true;
                i = end;
            }
            else if (c == '.')
            {
                if (!elementHasText)
                {
                    throw new ArgumentException($"Empty element in path '{expression}' (quote it as \"\" if you mean it).", nameof(expression));
                }

                elements.Add(current.ToString());
                current.Clear();
                elementHasText = false;
            }
            else
            {
                current.Append(c);
                elementHasText = true;
            }
        }

        if (!elementHasText)
        {
            throw new ArgumentException($"Empty element in path '{expression}'.", nameof(expression));
        }

        elements.Add(current.ToString());
        return [.. elements];
    }

    /// <summary>Joins elements back into an expression, quoting those that need it.</summary>
    public static string Format(IEnumerable<string> elements)
    {
        var sb = new StringBuilder();
        foreach (var element in elements)
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            if (element.Length == 0 || element.AsSpan().IndexOfAny(".\" :=${}[]#") >= 0)
            {
                sb.Append('"').Append(element.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(element);
            }
        }

        return sb.ToString();
    }
}
