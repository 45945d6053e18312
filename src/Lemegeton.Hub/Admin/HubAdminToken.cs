using System.Security.Cryptography;
using System.Text;

namespace Lemegeton.Hub.Admin;

/// <summary>The bearer token TCP requests to the admin API must carry (registered only when the TCP listener is on).</summary>
public sealed class HubAdminToken(string token)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;token&gt;</c> (compared in constant time).</summary>
    public bool Accepts(string? authorization)
    {
        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(authorization[prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }

    /// <summary>Reads the token file, or creates it (mode 0600) with a new random token.</summary>
    public static HubAdminToken LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length < 16) throw new InvalidOperationException($"{path}: the admin token is shorter than 16 characters; delete the file to get a new one");
            return new HubAdminToken(text);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        using (var writer = new StreamWriter(stream))
            writer.WriteLine(token);
        return new HubAdminToken(token);
    }
}
