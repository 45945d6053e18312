using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Security;
using Lemegeton.Protocol.Session;
using Microsoft.Extensions.Time.Testing;

namespace Lemegeton.Agent.Tests;

public sealed class ClusterSecretTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lemegeton-secret-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static RegisterAgent Register(string agentId, AgentProof? proof) => new("c-1", 1, agentId, "worker", "sonnet", 5, 1, null, proof);

    [Fact]
    public void The_hub_creates_256_random_bits_readable_by_the_owner_only_and_reads_the_same_secret_back()
    {
        var created = ClusterSecret.LoadOrCreate(_dir);

        var text = File.ReadAllText(created.Path).Trim();
        Assert.Equal(64, text.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created.Path));
        var again = ClusterSecret.LoadOrCreate(_dir);
        var proof = created.Prove("w", DateTimeOffset.UtcNow);
        Assert.True(again.MacMatches("w", proof));
        Assert.False(ClusterSecret.LoadOrCreate(_dir + "-other").MacMatches("w", proof));
        Directory.Delete(_dir + "-other", recursive: true);
    }

    [Fact]
    public void A_secret_file_others_can_read_or_that_is_not_a_secret_is_refused_naming_the_file()
    {
        var secret = ClusterSecret.LoadOrCreate(_dir);
        File.SetUnixFileMode(secret.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var open = Assert.Throws<InvalidDataException>(() => ClusterSecret.Load(secret.Path));
        Assert.Contains("chmod 600", open.Message);

        File.SetUnixFileMode(secret.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(secret.Path, "not a secret\n");
        var bad = Assert.Throws<InvalidDataException>(() => ClusterSecret.Load(secret.Path));
        Assert.StartsWith(secret.Path, bad.Message);
        Assert.Contains("missing", Assert.Throws<FileNotFoundException>(() => ClusterSecret.Load(Path.Combine(_dir, "missing"))).Message);
    }

    [Fact]
    public void The_verifier_accepts_a_fresh_proof_once_and_refuses_missing_wrong_stale_replayed_or_borrowed_proofs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var secret = ClusterSecret.FromBytes(new byte[32]);
        var verifier = new RegistrationVerifier(secret, time);
        var proof = secret.Prove("w", time.GetUtcNow());

        Assert.Null(verifier.Check(Register("w", proof)));
        Assert.Contains("already used", verifier.Check(Register("w", proof))!.Message);
        Assert.Equal(ErrorCodes.Unauthorized, verifier.Check(Register("w", null))!.Code);
        Assert.Contains("does not match", verifier.Check(Register("other", secret.Prove("w", time.GetUtcNow())))!.Message);
        Assert.Contains("does not match", verifier.Check(Register("w", ClusterSecret.FromBytes(Enumerable.Repeat((byte)1, 32).ToArray()).Prove("w", time.GetUtcNow())))!.Message);
        var old = secret.Prove("w", time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Contains("away from the hub's clock", verifier.Check(Register("w", old))!.Message);
    }
}
