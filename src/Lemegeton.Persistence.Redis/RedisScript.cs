using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// One Lua script, embedded as <c>Scripts/{name}.lua</c>, called with EVALSHA. The SHA is
/// computed locally; on NOSCRIPT (a restarted or flushed server) the call is repeated once as an
/// EVAL of the text, which also caches the script on the server.
/// </summary>
internal sealed class RedisScript
{
    private RedisScript(string name, string text)
    {
        Name = name;
        Text = text;
        Sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(text));
    }

    public string Name { get; }

    public string Text { get; }

    public byte[] Sha1 { get; }

    public static RedisScript FromResource(string name)
    {
        var assembly = typeof(RedisScript).Assembly;
        var resource = $"Lemegeton.Persistence.Redis.Scripts.{name}.lua";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new RedisScript(name, reader.ReadToEnd());
    }

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync db, RedisKey[] keys, RedisValue[] args)
    {
        try
        {
            return await db.ScriptEvaluateAsync(Sha1, keys, args).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // EVAL with the text runs the script and caches it on the server for the next EVALSHA.
            return await db.ScriptEvaluateAsync(Text, keys, args).ConfigureAwait(false);
        }
    }
}
