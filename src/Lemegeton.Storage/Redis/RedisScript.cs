using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// One Lua script, embedded as a <c>.lua</c> resource, called with EVALSHA. The SHA is computed
/// locally; on NOSCRIPT (a restarted or flushed server) the script is loaded with SCRIPT LOAD and
/// the call repeated once.
/// </summary>
public sealed class RedisScript
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

    /// <summary>Loads <c>Scripts/{name}.lua</c> from this assembly's resources.</summary>
    public static RedisScript FromResource(string name)
    {
        var assembly = typeof(RedisScript).Assembly;
        var resource = $"Lemegeton.Storage.Scripts.{name}.lua";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new RedisScript(name, reader.ReadToEnd());
    }

    public async Task<RedisResult> EvaluateAsync(IConnectionMultiplexer mux, IDatabaseAsync db, RedisKey[] keys, RedisValue[] args)
    {
        try
        {
            return await db.ScriptEvaluateAsync(Sha1, keys, args).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            await LoadAsync(mux).ConfigureAwait(false);
            return await db.ScriptEvaluateAsync(Sha1, keys, args).ConfigureAwait(false);
        }
    }

    /// <summary>SCRIPT LOAD on every connected server.</summary>
    public async Task LoadAsync(IConnectionMultiplexer mux)
    {
        foreach (var endpoint in mux.GetEndPoints())
        {
            var server = mux.GetServer(endpoint);
            if (server.IsConnected) await server.ScriptLoadAsync(Text).ConfigureAwait(false);
        }
    }
}
