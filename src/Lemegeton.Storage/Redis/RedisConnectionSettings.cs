using System.Globalization;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// Where the hot store lives, parsed from a URL:
/// <list type="bullet">
/// <item><c>redis://[[user]:password@]host[:port][/db]</c> — TCP;</item>
/// <item><c>rediss://[[user]:password@]host[:port][/db][?ca=/path/ca.pem]</c> — TCP with TLS (the
/// server certificate must chain to the system trust store, or to the PEM named by <c>ca</c>);</item>
/// <item><c>unix://[[user]:password@]/absolute/path/redis.sock[?db=N]</c> — a Unix socket.</item>
/// </list>
/// The embedded server is always reached through a Unix socket.
/// </summary>
public sealed record RedisConnectionSettings(string Host, int Port, string? Password, int Database)
{
    public const int DefaultPort = 6379;

    /// <summary>Path of the Unix socket; when set, <see cref="Host"/> and <see cref="Port"/> are unused.</summary>
    public string? UnixSocket { get; init; }

    /// <summary>ACL user (Redis 6+); null = the default user.</summary>
    public string? User { get; init; }

    /// <summary>TLS on the TCP connection (<c>rediss://</c>).</summary>
    public bool Tls { get; init; }

    /// <summary>A PEM certificate (CA) the server's certificate must chain to, instead of the system trust store.</summary>
    public string? TlsCaPath { get; init; }

    /// <summary>Settings for a Unix socket.</summary>
    public static RedisConnectionSettings ForUnixSocket(string path, string? password, int database = 0) =>
        new("", 0, password, database) { UnixSocket = path };

    /// <summary>Parses a Redis URL; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static RedisConnectionSettings Parse(string url)
    {
        if (!TryParse(url, out var settings, out var error))
            throw new FormatException(error);
        return settings!;
    }

    private const string Forms = "redis://[[user]:password@]host:port/db, rediss://… for TLS, or unix://[:password@]/path/redis.sock?db=N";

    public static bool TryParse(string? url, out RedisConnectionSettings? settings, out string? error)
    {
        settings = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = $"The Redis URL is empty: write it as {Forms}, e.g. redis://127.0.0.1:6379/0.";
            return false;
        }
        url = url.Trim();
        if (url.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
            return TryParseUnix(url, out settings, out error);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "redis" && uri.Scheme != "rediss"))
        {
            error = $"The Redis URL '{Mask(url)}' is not of the form {Forms}.";
            return false;
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            error = $"The Redis URL '{Mask(url)}' has no host.";
            return false;
        }
        var (user, password) = UserInfo(uri.UserInfo);
        var db = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && !TryDatabase(path, out db))
        {
            error = $"The Redis URL '{Mask(url)}' names database '{path}': use a number from 0 to 15.";
            return false;
        }
        var query = Query(uri.Query);
        string? ca = null;
        foreach (var (name, value) in query)
        {
            if (name == "ca" && uri.Scheme == "rediss") ca = value;
            else
            {
                error = $"The Redis URL '{Mask(url)}' has an unknown parameter '{name}' (only rediss:// URLs take ?ca=/path/ca.pem).";
                return false;
            }
        }
        settings = new RedisConnectionSettings(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, password, db)
        {
            User = user,
            Tls = uri.Scheme == "rediss",
            TlsCaPath = ca,
        };
        error = null;
        return true;
    }

    private static bool TryParseUnix(string url, out RedisConnectionSettings? settings, out string? error)
    {
        settings = null;
        var rest = url["unix://".Length..];
        string? user = null, password = null;
        if (!rest.StartsWith('/'))
        {
            // unix://:secret@/run/redis.sock — the user info ends at the '@' that starts the absolute path.
            var at = rest.IndexOf("@/", StringComparison.Ordinal);
            if (at < 0)
            {
                error = $"The Redis URL '{Mask(url)}' does not name an absolute socket path: write it as unix:///run/redis/redis.sock or unix://:password@/run/redis/redis.sock.";
                return false;
            }
            (user, password) = UserInfo(rest[..at]);
            rest = rest[(at + 1)..];
        }
        var q = rest.IndexOf('?');
        var path = Uri.UnescapeDataString(q < 0 ? rest : rest[..q]);
        var db = 0;
        foreach (var (name, value) in Query(q < 0 ? "" : rest[q..]))
        {
            if (name == "db" && TryDatabase(value, out db)) continue;
            error = name == "db"
                ? $"The Redis URL '{Mask(url)}' names database '{value}': use a number from 0 to 15."
                : $"The Redis URL '{Mask(url)}' has an unknown parameter '{name}' (a unix:// URL takes only ?db=N).";
            return false;
        }
        if (path.Length <= 1 || path.EndsWith('/'))
        {
            error = $"The Redis URL '{Mask(url)}' does not name a socket file.";
            return false;
        }
        settings = ForUnixSocket(path, password, db) with { User = user };
        error = null;
        return true;
    }

    private static (string? User, string? Password) UserInfo(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo)) return (null, null);
        // redis://:secret@host carries only a password; redis://user:secret@host a user too; redis://secret@host a password.
        var colon = userInfo.IndexOf(':');
        var user = colon > 0 ? Uri.UnescapeDataString(userInfo[..colon]) : null;
        var password = Uri.UnescapeDataString(colon >= 0 ? userInfo[(colon + 1)..] : userInfo);
        return (user, password.Length == 0 ? null : password);
    }

    private static IEnumerable<(string Name, string Value)> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.IndexOf('=');
            return eq < 0 ? (Uri.UnescapeDataString(p), "") : (Uri.UnescapeDataString(p[..eq]), Uri.UnescapeDataString(p[(eq + 1)..]));
        });

    private static bool TryDatabase(string text, out int db) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out db) && db <= 15;

    // Never repeat a password in an error message.
    private static string Mask(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        return scheme >= 0 && at > scheme ? url[..(scheme + 3)] + "***" + url[at..] : url;
    }

    /// <summary>
    /// Client options: never abort on a failed first connect (the hub starts degraded and the
    /// multiplexer reconnects by itself when the server comes back). No admin commands: the hub
    /// needs none.
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions(string clientName = "lemegeton-hub")
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            User = User,
            Password = Password,
            DefaultDatabase = Database,
            ClientName = clientName,
            ConnectTimeout = 2000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
            ConnectRetry = 1,
            KeepAlive = 5,
        };
        if (UnixSocket is not null)
        {
            options.EndPoints.Add(new UnixDomainSocketEndPoint(UnixSocket));
        }
        else
        {
            options.EndPoints.Add(Host, Port);
            if (Tls)
            {
                options.Ssl = true;
                options.SslHost = Host;
                if (TlsCaPath is not null) options.TrustIssuer(TlsCaPath);
            }
        }
        return options;
    }

    /// <summary>The URL again, with the password masked, for logs.</summary>
    public override string ToString() => Format(Password is null ? null : "***");

    /// <summary>The URL with the password, for handing to another process.</summary>
    public string ToUrl() => Format(Password is null ? null : Uri.EscapeDataString(Password));

    private string Format(string? password)
    {
        var inv = CultureInfo.InvariantCulture;
        var auth = password is null && User is null ? "" : $"{(User is null ? "" : Uri.EscapeDataString(User))}:{password}@";
        if (UnixSocket is not null)
            return string.Create(inv, $"unix://{auth}{UnixSocket.Replace("%", "%25").Replace("?", "%3F")}{(Database == 0 ? "" : "?db=" + Database.ToString(inv))}");
        var ca = TlsCaPath is null ? "" : "?ca=" + Uri.EscapeDataString(TlsCaPath);
        return string.Create(inv, $"{(Tls ? "rediss" : "redis")}://{auth}{Host}:{Port}/{Database}{ca}");
    }
}
