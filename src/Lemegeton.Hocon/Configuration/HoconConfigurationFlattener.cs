using System.Globalization;

namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// Flattens a resolved HOCON tree into configuration keys: objects by key, lists by index
/// (<c>a:0</c>, <c>a:1</c>); an empty object or list becomes a key with a null value, as in the
/// JSON provider.
/// </summary>
internal static class HoconConfigurationFlattener
{
    public static Dictionary<string, string?> Flatten(HoconObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Visit(root, null, data);
        return data;
    }

    private static void Visit(HoconValue value, string? prefix, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                foreach (var (key, child) in obj.Fields)
                {
                    var segment = obj.IsQuotedKey(key) ? key : HoconConfigurationKey.NormalizeSegment(key);
                    Visit(child, prefix is null ? segment : string.Concat(prefix, ":", segment), data);
                }

                break;
            case HoconArray array:
                if (array.Count == 0 && prefix is not null)
                {
                    data[prefix] = null;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    Visit(array[i], prefix is null ? index : string.Concat(prefix, ":", index), data);
                }

                break;
            case HoconScalar scalar when prefix is not null:
                data[prefix] = HoconConfigurationValue.From(scalar);
                break;
        }
    }
}
