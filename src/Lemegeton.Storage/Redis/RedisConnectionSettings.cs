using System.Globalization;
using StackExchange.Redis;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// Where the hot store lives, parsed from a <c>redis://[:password@]host:port/db</c> URL.
/// Only loopback or network TCP: StackExchange.Redis 1.2.6 cannot speak over Unix sockets.
/// </summary>
public sealed record RedisConnectionSettings(string Host, int Port, string? Password, int Database)
{
    public const int DefaultPort = 6379;

    /// <summary>Parses a Redis URL; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static RedisConnectionSettings Parse(string url)
    {
        if (!TryParse(url, out var settings, out var error))
            throw new FormatException(error);
        return settings!;
    }

    public static bool TryParse(string? url, out RedisConnectionSettings? settings, out string? error)
    {
        settings = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "The Redis URL is empty: write it as redis://[:password@]host:port/db, e.g. redis://127.0.0.1:6379/0.";
            return false;
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != "redis")
        {
            error = $"The Redis URL '{url}' is not of the form redis://[:password@]host:port/db.";
            return false;
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            error = $"The Redis URL '{url}' has no host.";
            return false;
        }
        string? password = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            // redis://:secret@host and redis://user:secret@host both carry the password after the colon.
            var colon = uri.UserInfo.IndexOf(':');
            password = Uri.UnescapeDataString(colon >= 0 ? uri.UserInfo[(colon + 1)..] : uri.UserInfo);
            if (password.Length == 0) password = null;
        }
        var db = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out db) || db > 15))
        {
            error = $"The Redis URL '{url}' names database '{path}': use a number from 0 to 15.";
            return false;
        }
        settings = new RedisConnectionSettings(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, password, db);
        error = null;
        return true;
    }

    /// <summary>
    /// Client options: never abort on a failed first connect (the hub starts degraded and the
    /// multiplexer reconnects by itself when the server comes back).
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions(string clientName = "lemegeton-hub")
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            Password = Password,
            DefaultDatabase = Database,
            ClientName = clientName,
            ConnectTimeout = 2000,
            SyncTimeout = 5000,
            ConnectRetry = 1,
            KeepAlive = 5,
            AllowAdmin = true,
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    /// <summary>The URL again, with the password masked, for logs.</summary>
    public override string ToString() =>
        $"redis://{(Password is null ? "" : ":***@")}{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The URL with the password, for handing to another process.</summary>
    public string ToUrl() =>
        $"redis://{(Password is null ? "" : ":" + Uri.EscapeDataString(Password) + "@")}{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database.ToString(CultureInfo.InvariantCulture)}";
}
