using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// Where the plugin's Redis is: TCP (<c>redis://</c>), TLS (<c>rediss://</c>) or a Unix socket
/// (an absolute path), with an optional password and database number.
/// </summary>
/// <param name="Host">Host name or address for TCP/TLS; null for a Unix socket.</param>
/// <param name="Port">TCP port; 0 for a Unix socket.</param>
/// <param name="SocketPath">The Unix socket's path; null for TCP/TLS.</param>
/// <param name="Password">The password, or null.</param>
/// <param name="Database">Database number, 0–15.</param>
/// <param name="UseTls">True for <c>rediss://</c>.</param>
public sealed record RedisEndpoint(string? Host, int Port, string? SocketPath, string? Password, int Database, bool UseTls)
{
    /// <summary>Port used when a URL names none.</summary>
    public const int DefaultPort = 6379;

    private const string Forms = "redis://[:password@]host:port/db, rediss://[:password@]host:port/db (TLS) or an absolute Unix socket path such as /run/redis/redis.sock[?db=0&password=…]";

    /// <summary>Parses a connection string; <paramref name="error"/> says what is wrong and which forms are accepted.</summary>
    public static bool TryParse(string? text, out RedisEndpoint? endpoint, out string? error)
    {
        endpoint = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = $"no Redis is configured: write {Forms}.";
            return false;
        }

        if (text.StartsWith('/'))
            return TryParseSocket(text, out endpoint, out error);

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "redis" && uri.Scheme != "rediss"))
        {
            error = $"'{Mask(text)}' is not a Redis address: write {Forms}.";
            return false;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{Mask(text)}' names no host.";
            return false;
        }

        var password = PasswordOf(uri.UserInfo);
        var path = uri.AbsolutePath.Trim('/');
        var database = 0;
        if (path.Length > 0 && !TryDatabase(path, out database))
        {
            error = $"'{Mask(text)}' names database '{path}': use a number from 0 to 15.";
            return false;
        }

        endpoint = new RedisEndpoint(uri.DnsSafeHost, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, null, password, database, uri.Scheme == "rediss");
        error = null;
        return true;
    }

    private static bool TryParseSocket(string text, out RedisEndpoint? endpoint, out string? error)
    {
        endpoint = null;
        var query = string.Empty;
        var q = text.IndexOf('?');
        var path = q >= 0 ? text[..q] : text;
        if (q >= 0) query = text[(q + 1)..];
        string? password = null;
        var database = 0;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = eq >= 0 ? pair[..eq] : pair;
            var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : string.Empty;
            switch (key)
            {
                case "db" when TryDatabase(value, out database):
                    break;
                case "db":
                    error = $"the Unix socket address '{path}' names database '{value}': use a number from 0 to 15.";
                    return false;
                case "password":
                    password = value.Length == 0 ? null : value;
                    break;
                default:
                    error = $"the Unix socket address '{path}' has an unknown option '{key}': only db and password are understood.";
                    return false;
            }
        }

        endpoint = new RedisEndpoint(null, 0, path, password, database, UseTls: false);
        error = null;
        return true;
    }

    private static bool TryDatabase(string text, out int database) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out database) && database <= 15;

    private static string? PasswordOf(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo)) return null;
        // redis://:secret@host and redis://user:secret@host both carry the password after the colon.
        var colon = userInfo.IndexOf(':');
        var password = Uri.UnescapeDataString(colon >= 0 ? userInfo[(colon + 1)..] : userInfo);
        return password.Length == 0 ? null : password;
    }

    private static string Mask(string text)
    {
        var at = text.IndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? text[..(scheme + 3)] + "***" + text[at..] : text;
    }

    /// <summary>Client options: commands time out after <paramref name="commandTimeout"/>; a lost connection is re-established in the background.</summary>
    public ConfigurationOptions ToConfigurationOptions(string clientName, TimeSpan commandTimeout, TimeSpan connectTimeout)
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            Password = Password,
            DefaultDatabase = Database,
            ClientName = clientName,
            Ssl = UseTls,
            ConnectTimeout = (int)connectTimeout.TotalMilliseconds,
            AsyncTimeout = (int)commandTimeout.TotalMilliseconds,
            SyncTimeout = (int)commandTimeout.TotalMilliseconds,
            KeepAlive = 5,
        };
        if (SocketPath is not null)
            options.EndPoints.Add(new UnixDomainSocketEndPoint(SocketPath));
        else if (IPAddress.TryParse(Host, out var address))
            options.EndPoints.Add(new IPEndPoint(address, Port));
        else
            options.EndPoints.Add(Host!, Port);
        return options;
    }

    /// <summary>The address with the password masked, for logs.</summary>
    public override string ToString()
    {
        var db = Database.ToString(CultureInfo.InvariantCulture);
        if (SocketPath is not null)
            return Password is null ? $"{SocketPath}?db={db}" : $"{SocketPath}?db={db}&password=***";
        var scheme = UseTls ? "rediss" : "redis";
        return $"{scheme}://{(Password is null ? "" : ":***@")}{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{db}";
    }
}
