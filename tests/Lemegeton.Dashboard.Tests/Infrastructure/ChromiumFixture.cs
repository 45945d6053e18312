namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>One headless Chromium shared by the dashboard tests; each test opens its own tab.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public ChromiumBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await ChromiumBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
    }
}
