using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class HotStoreConnectionTests(RedisServerFixture redis) : IDisposable
{
    private readonly TempDirectory _repo = new("hotstore");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_configured_unix_socket_url_is_used_with_the_project_namespace()
    {
        var url = redis.Server.Connection.ToUrl();
        Assert.StartsWith("unix://", url);
        await using var hot = await HotStoreConnection.ConnectAsync(
            new RedisOptions { Url = url, Project = "widgets" }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System);

        Assert.NotNull(hot);
        Assert.Null(hot.Embedded);
        Assert.True(hot.Multiplexer.IsConnected);
        Assert.Equal("lemegeton:widgets:", hot.Keys.Prefix);
        Assert.True(await hot.Multiplexer.GetDatabase().StringSetAsync(hot.Keys.Health, "x"));
    }

    [Fact]
    public async Task A_configured_tcp_url_with_a_password_still_works()
    {
        using var dir = new TempDirectory("tcp");
        await using var server = await RedisServerFixture.StartAsync(dir.Path, "everysec", FreePort.Find());
        var url = server.Connection.ToUrl();
        Assert.StartsWith("redis://:", url);

        await using var hot = await HotStoreConnection.ConnectAsync(new RedisOptions { Url = url }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System);

        Assert.NotNull(hot);
        Assert.True(hot.Multiplexer.IsConnected);
        Assert.True(await hot.Multiplexer.GetDatabase().StringSetAsync("k", "v"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_rediss_url_connects_over_tls_trusting_the_given_ca_and_refuses_a_server_it_cannot_verify()
    {
        using var dir = new TempDirectory("tls");
        var (caPath, certPath, keyPath) = WriteCertificates(dir.Path);
        var tlsPort = FreePort.Find();
        await using var server = await RedisServerProcess.StartAsync(new RedisServerOptions
        {
            Directory = Path.Combine(dir.Path, "redis"),
            Port = FreePort.Find(),
            Password = "tls-" + Guid.NewGuid().ToString("N"),
            ExtraConfig = [$"tls-port {tlsPort}", $"tls-cert-file {certPath}", $"tls-key-file {keyPath}", $"tls-ca-cert-file {caPath}", "tls-auth-clients no"],
        }, TimeProvider.System);
        var password = Uri.EscapeDataString(server.Options.Password);

        await using (var hot = await HotStoreConnection.ConnectAsync(
            new RedisOptions { Url = $"rediss://:{password}@localhost:{tlsPort}/0?ca={Uri.EscapeDataString(caPath)}" }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System))
        {
            Assert.NotNull(hot);
            Assert.True(hot.Multiplexer.IsConnected);
            Assert.True(await hot.Multiplexer.GetDatabase().StringSetAsync("over-tls", "yes"));
        }

        // Without the CA the certificate does not verify: no connection (and no silent plain-text fallback).
        await using var untrusted = await HotStoreConnection.ConnectAsync(
            new RedisOptions { Url = $"rediss://:{password}@localhost:{tlsPort}/0" }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System);
        Assert.NotNull(untrusted);
        Assert.False(untrusted.Multiplexer.IsConnected);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Without_a_url_the_embedded_server_runs_under_dot_lemegeton_and_stops_with_the_hub()
    {
        RedisServerProcess server;
        await using (var hot = await HotStoreConnection.ConnectAsync(new RedisOptions(), _repo.Path, NullLoggerFactory.Instance, TimeProvider.System))
        {
            Assert.NotNull(hot);
            Assert.NotNull(hot.Embedded);
            Assert.True(hot.Multiplexer.IsConnected);
            Assert.NotNull(hot.Settings.UnixSocket);
            Assert.True(File.Exists(Path.Combine(_repo.Path, ".lemegeton", "redis", "password")));
            server = hot.Embedded.Server;
        }
        Assert.True(server.HasExited);
    }

    [Fact]
    public async Task No_url_and_no_embedded_server_means_isolated()
    {
        Assert.Null(await HotStoreConnection.ConnectAsync(new RedisOptions { Embedded = false }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System));
        Assert.Null(await HotStoreConnection.ConnectAsync(new RedisOptions { ServerExecutable = "no-such-redis-server" }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System));
    }

    /// <summary>A throw-away CA and a server certificate for localhost signed by it, as PEM files.</summary>
    private static (string Ca, string Cert, string Key) WriteCertificates(string dir)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Lemegeton Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);

        var paths = (Path.Combine(dir, "ca.pem"), Path.Combine(dir, "server.pem"), Path.Combine(dir, "server.key"));
        File.WriteAllText(paths.Item1, ca.ExportCertificatePem());
        File.WriteAllText(paths.Item2, cert.ExportCertificatePem());
        File.WriteAllText(paths.Item3, serverKey.ExportPkcs8PrivateKeyPem());
        return paths;
    }
}
