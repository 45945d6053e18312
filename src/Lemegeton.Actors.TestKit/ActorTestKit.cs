using Microsoft.Extensions.Logging;

namespace Lemegeton.Actors.TestKit;

/// <summary>
/// A test actor system with a <see cref="ManualTimeProvider"/> (unless real time is asked for),
/// recorded logs, a default <see cref="TestActor"/> probe and a dead-letter probe. Dispose it at the
/// end of the test (xunit: create it in the test class constructor, dispose in <c>Dispose</c>).
/// </summary>
public class ActorTestKit : IDisposable
{
    private int _probeCounter;

    /// <summary>Creates the kit.</summary>
    /// <param name="systemName">Name of the actor system.</param>
    /// <param name="configure">Adjusts the settings (the time provider and logger factory are already set).</param>
    /// <param name="useRealTime">Use <see cref="TimeProvider.System"/> instead of a manual clock.</param>
    public ActorTestKit(string systemName = "test", Func<ActorSystemSettings, ActorSystemSettings>? configure = null, bool useRealTime = false)
    {
        Time = new ManualTimeProvider();
        Logs = new LogRecorder();
        var settings = new ActorSystemSettings
        {
            TimeProvider = useRealTime ? TimeProvider.System : Time,
            LoggerFactory = Logs,
        };
        Sys = ActorSystem.Create(systemName, configure is null ? settings : configure(settings));
        TestActor = CreateTestProbe("testActor");
        DeadLetters = CreateTestProbe("deadLetterProbe");
        Sys.EventStream.Subscribe(DeadLetters.Ref, typeof(DeadLetter));
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The manual clock (drives the actors unless <c>useRealTime</c>).</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>Everything the system logged.</summary>
    public LogRecorder Logs { get; }

    /// <summary>The default probe.</summary>
    public TestProbe TestActor { get; }

    /// <summary>A probe subscribed to every <see cref="DeadLetter"/> since the kit was created.</summary>
    public TestProbe DeadLetters { get; }

    /// <summary>Creates another probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? "testProbe-" + Interlocked.Increment(ref _probeCounter).ToString(global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates a top-level actor.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Waits for the default probe's next message, a <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => TestActor.ExpectMsg<T>(timeout);

    /// <summary>Waits for the default probe's next message, a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => TestActor.ExpectMsg(predicate, timeout);

    /// <summary>Asserts the default probe gets nothing for a while.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => TestActor.ExpectNoMsg(duration);

    /// <summary>Waits for a dead letter carrying a <typeparamref name="T"/>.</summary>
    public DeadLetter ExpectDeadLetter<T>(Predicate<T>? predicate = null, TimeSpan? timeout = null) =>
        DeadLetters.FishForMessage<DeadLetter>(d => d.Message is T t && (predicate is null || predicate(t)), timeout);

    /// <summary>Waits for a logged error with a <typeparamref name="TException"/>.</summary>
    public LogEntry ExpectError<TException>(TimeSpan? timeout = null) where TException : Exception => Logs.ExpectError<TException>(timeout);

    /// <summary>Waits until <paramref name="condition"/> holds (real time, polling), e.g. for a counter another thread updates.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? timeout = null, string? message = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestProbe.DefaultTimeout);
        var spinner = new SpinWait();
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TestKitAssertionException(message ?? "The condition did not become true in time");
            if (spinner.NextSpinWillYield) Thread.Sleep(1);
            spinner.SpinOnce();
        }
    }

    /// <summary>Terminates the system (waits up to 10 s).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        var terminated = Sys.Terminate();
        // The coordinated shutdown's phase timeouts run on the system clock, which may be manual.
        for (var i = 0; i < 100 && !terminated.Wait(TimeSpan.FromMilliseconds(100)); i++) Time.Advance(TimeSpan.FromSeconds(5));
    }
}
