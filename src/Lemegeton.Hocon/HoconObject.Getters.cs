using System.Globalization;

namespace Lemegeton.Hocon;

public sealed partial class HoconObject
{
    /// <summary>The value at a path expression (<c>a.b.c</c>), or null when there is none.</summary>
    public HoconValue? GetValue(string path)
    {
        HoconValue? current = this;
        foreach (var element in HoconPath.Parse(path))
        {
            if (current is not HoconObject obj || !obj.TryGetField(element, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>True when the path holds a value other than <c>null</c>.</summary>
    public bool HasPath(string path) => GetValue(path) is { } value && value is not HoconScalar { IsNull: true };

    /// <summary>The string at <paramref name="path"/>; numbers and booleans are returned as written.</summary>
    public string GetString(string path) => Scalar(path, "a string").Text;

    /// <summary>The 32-bit integer at <paramref name="path"/> (a number, or a string holding one).</summary>
    public int GetInt(string path)
    {
        var scalar = Scalar(path, "a whole number");
        return int.TryParse(scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Expected(path, scalar, "a whole number");
    }

    /// <summary>The 64-bit integer at <paramref name="path"/>.</summary>
    public long GetLong(string path)
    {
        var scalar = Scalar(path, "a whole number");
        return long.TryParse(scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Expected(path, scalar, "a whole number");
    }

    /// <summary>The number at <paramref name="path"/>.</summary>
    public double GetDouble(string path)
    {
        var scalar = Scalar(path, "a number");
        return double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Expected(path, scalar, "a number");
    }

    /// <summary>The boolean at <paramref name="path"/>: true/false, also yes/no and on/off as the spec allows.</summary>
    public bool GetBool(string path)
    {
        var scalar = Scalar(path, "a boolean");
        return scalar.Text switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Expected(path, scalar, "true or false"),
        };
    }

    /// <summary>The duration at <paramref name="path"/> (<c>500ms</c>, <c>30s</c>, <c>5m</c>; a bare number is milliseconds).</summary>
    public TimeSpan GetDuration(string path)
    {
        var scalar = Scalar(path, "a duration");
        return HoconDuration.TryParse(scalar.Text, out var value)
            ? value
            : throw Expected(path, scalar, "a duration such as 500ms, 30s or 5m");
    }

    /// <summary>The size in bytes at <paramref name="path"/> (<c>512</c>, <c>64KiB</c>, <c>1MiB</c>, <c>10MB</c>).</summary>
    public long GetBytes(string path)
    {
        var scalar = Scalar(path, "a size");
        return HoconSize.TryParse(scalar.Text, out var value)
            ? value
            : throw Expected(path, scalar, "a size such as 512, 64KiB or 1MiB");
    }

    /// <summary>The list of strings at <paramref name="path"/>.</summary>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var value = Required(path);
        if (value is not HoconArray array)
        {
            throw Expected(path, value, "a list");
        }

        var result = new string[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = array[i] is HoconScalar { IsNull: false } scalar
                ? scalar.Text
                : throw Expected($"{path}[{i}]", array[i], "a string");
        }

        return result;
    }

    /// <summary>The object at <paramref name="path"/>, for reading a section with relative paths.</summary>
    public HoconObject GetConfig(string path)
    {
        var value = Required(path);
        return value as HoconObject ?? throw Expected(path, value, "an object");
    }

    private HoconValue Required(string path) =>
        GetValue(path) ?? throw new HoconException(Position, $"no value at path '{path}'");

    private HoconScalar Scalar(string path, string expected)
    {
        var value = Required(path);
        return value is HoconScalar { IsNull: false } scalar ? scalar : throw Expected(path, value, expected);
    }

    private static HoconException Expected(string path, HoconValue value, string expected) =>
        new(value.Position, $"{path}: expected {expected}, got {value.Describe()}");
}
