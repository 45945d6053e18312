using System.Net;
using System.Net.Sockets;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Infrastructure;

namespace Lemegeton.Hub.Tests.Admin;

/// <summary>The admin API's optional TCP listener: the bearer token is required on TCP, not on the Unix socket.</summary>
[Trait("Category", "Slow")]
public sealed class HubAdminTcpTests
{
    [Fact]
    public async Task Tcp_requests_need_the_bearer_token_and_the_socket_does_not()
    {
        using var repo = new TempRepository();
        var port = FreePort();
        var settings = new HubDaemonSettings(repo.Root, new HubOptions(), new LoggingOptions(), LogToConsole: false, Detached: false);
        Posix.CreatePrivateDirectory(repo.Paths.PrivateRunDirectory);
        await using var log = HubHostBuilder.CreateLog(settings);
        await using var app = HubHostBuilder.Build(settings, log, new HubForcedExit(() => { }), builder =>
            builder.AddHubAdminTcp(new HubAdminTcpOptions { Enabled = true, Port = port }, repo.Root));
        await app.StartAsync();

        var tokenFile = Path.Combine(repo.Root, ".lemegeton", "admin-token");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        var token = File.ReadAllText(tokenFile).Trim();
        Assert.True(token.Length >= 40);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using (var anonymous = await http.GetAsync("v1/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("\"code\":\"unauthorized\"", await anonymous.Content.ReadAsStringAsync());
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "v1/status"))
        {
            wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token + "x");
            using var answer = await http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }
        using (var right = new HttpRequestMessage(HttpMethod.Get, "v1/status"))
        {
            right.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.SendAsync(right);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("\"state\":\"running\"", await answer.Content.ReadAsStringAsync());
        }

        using var client = new HubAdminClient(HubHostBuilder.BindPath(repo.Paths));
        Assert.Equal("running", (await client.GetStatusAsync()).State);
        await app.StopAsync();
    }

    [Fact]
    public void An_existing_token_file_is_kept_and_a_short_one_refused()
    {
        var dir = Directory.CreateTempSubdirectory("lmg-token-").FullName;
        try
        {
            var path = Path.Combine(dir, "t");
            File.WriteAllText(path, "0123456789abcdef-my-token\n");
            Assert.True(HubAdminToken.LoadOrCreate(path).Accepts("Bearer 0123456789abcdef-my-token"));
            File.WriteAllText(path, "short");
            Assert.Throws<InvalidOperationException>(() => HubAdminToken.LoadOrCreate(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
