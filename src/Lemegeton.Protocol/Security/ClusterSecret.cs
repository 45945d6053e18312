using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Protocol.Security;

/// <summary>
/// The shared secret that lets an agent join the hub's cluster: 256 random bits in
/// <c>.lemegeton/cluster.secret</c> (64 hex digits, file mode 0600), created by the hub at its first
/// start and copied by the operator to hosts that run agents. The secret itself never travels: an agent
/// proves it holds it with an HMAC (<see cref="Prove"/>), the hub checks the HMAC
/// (<see cref="RegistrationVerifier"/>).
/// </summary>
public sealed class ClusterSecret
{
    /// <summary>The file's name inside the state folder (<c>.lemegeton/</c>).</summary>
    public const string FileName = "cluster.secret";

    /// <summary>Bytes of secret: 256 bits.</summary>
    public const int SecretBytes = 32;

    private const string ProofDomain = "lemegeton-register-v1";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly byte[] _key;

    private ClusterSecret(byte[] key, string path)
    {
        _key = key;
        Path = path;
    }

    /// <summary>The file the secret was read from or written to.</summary>
    public string Path { get; }

    /// <summary>Where the secret lives for a repository's state folder (<c>{repo}/.lemegeton</c>).</summary>
    public static string PathIn(string stateDirectory) => System.IO.Path.Combine(stateDirectory, FileName);

    /// <summary>
    /// The hub's side: reads <c>{stateDirectory}/cluster.secret</c>, or creates it (256 bits from the
    /// system's CSPRNG, mode 0600, created exclusively so two starting hubs cannot write different secrets).
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists but is not a secret, or others may read it; the message names the file and the fix.</exception>
    public static ClusterSecret LoadOrCreate(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        Directory.CreateDirectory(stateDirectory);
        var path = PathIn(stateDirectory);
        var key = RandomNumberGenerator.GetBytes(SecretBytes);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(Convert.ToHexStringLower(key));
                writer.Write('\n');
            }
            return new ClusterSecret(key, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            return Load(path);
        }
    }

    /// <summary>The agent's side: reads a secret file (copied from the hub's host for remote agents).</summary>
    /// <exception cref="FileNotFoundException">No such file; the message says where it comes from.</exception>
    /// <exception cref="InvalidDataException">Not 64 hex digits, or readable by group or others.</exception>
    public static ClusterSecret Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No cluster secret at {path}: the hub creates it at its first start ('lemegeton hub start'); an agent on another host needs a copy of the hub's .lemegeton/{FileName} (mode 0600).", path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
            throw new InvalidDataException($"{path}: the cluster secret may be read by other users (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); run 'chmod 600 {path}'.");
        var text = File.ReadAllText(path).Trim();
        if (text.Length != SecretBytes * 2 || !text.All(char.IsAsciiHexDigit))
            throw new InvalidDataException($"{path}: line 1 is not a cluster secret ({SecretBytes * 2} hexadecimal digits); delete the file and restart the hub to create a new one, then copy it to every agent host.");
        return new ClusterSecret(Convert.FromHexString(text), path);
    }

    /// <summary>A secret from raw bytes (tests, or a secret held elsewhere than a file).</summary>
    public static ClusterSecret FromBytes(ReadOnlySpan<byte> key, string origin = "(memory)")
    {
        if (key.Length < 16) throw new ArgumentException("A cluster secret has at least 128 bits.", nameof(key));
        return new ClusterSecret(key.ToArray(), origin);
    }

    /// <summary>The proof an agent sends in <see cref="RegisterAgent.Proof"/>.</summary>
    public AgentProof Prove(string agentId, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new AgentProof(timestamp, nonce, Mac(agentId, timestamp, nonce));
    }

    /// <summary>True when <paramref name="proof"/>'s HMAC is right for <paramref name="agentId"/> (compared in constant time). Time and replay are checked by <see cref="RegistrationVerifier"/>.</summary>
    public bool MacMatches(string agentId, AgentProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Mac is null || proof.Nonce is null) return false;
        var expected = Encoding.ASCII.GetBytes(Mac(agentId, proof.TimestampMs, proof.Nonce));
        var given = Encoding.ASCII.GetBytes(proof.Mac.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Mac(string agentId, long timestampMs, string nonce)
    {
        var text = string.Join('\n', ProofDomain, agentId, timestampMs.ToString(CultureInfo.InvariantCulture), nonce);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}
