using System.Threading.Channels;

namespace Lemegeton.Hosting.Tests.Infrastructure;

public static class ChannelReaderExtensions
{
    /// <summary>The first message of type <typeparamref name="T"/> matching <paramref name="match"/>, skipping others; fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> ExpectAsync<T>(this ChannelReader<object> reader, Func<T, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var message = await reader.ReadAsync(cts.Token);
                if (message is T typed && match(typed))
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {typeof(T).Name} matching the test's condition arrived within {timeout}.");
        }
    }
}
