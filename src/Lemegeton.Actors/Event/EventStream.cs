namespace Lemegeton.Actors;

/// <summary>
/// System-wide publish/subscribe by type: a subscriber to <c>T</c> receives every published event
/// assignable to <c>T</c>. Subscriptions of stopped actors are dropped when next published to.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private (IActorRef Subscriber, Type Channel)[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.Exists(_subscriptions, s => s.Subscriber.Equals(subscriber) && s.Channel == channel)) return false;
            _subscriptions = [.. _subscriptions, (subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !(s.Subscriber.Equals(subscriber) && s.Channel == channel));
            if (kept.Length == _subscriptions.Length) return false;
            _subscriptions = kept;
            return true;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate) _subscriptions = Array.FindAll(_subscriptions, s => !s.Subscriber.Equals(subscriber));
    }

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber (sender: none).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        foreach (var (subscriber, channel) in subscriptions)
        {
            if (!channel.IsInstanceOfType(@event)) continue;
            if (subscriber is InternalActorRef { IsTerminated: true })
            {
                Unsubscribe(subscriber);
                continue;
            }
            subscriber.Tell(@event, null);
        }
    }
}
