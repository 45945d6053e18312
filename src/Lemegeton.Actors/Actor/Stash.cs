namespace Lemegeton.Actors;

/// <summary>
/// Messages an actor set aside to process later, typically after a <c>Become</c>. Unstashed
/// messages go to the front of the mailbox, in their original order. On restart the stash is
/// returned to the mailbox; on stop it goes to dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Sets the current message aside.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Discards the stash and returns its messages.</summary>
    IReadOnlyList<object> ClearStash();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}

/// <summary>Implemented by actors that stash; the kernel sets <see cref="Stash"/> when it creates the instance.</summary>
public interface IWithUnboundedStash
{
    /// <summary>The actor's stash.</summary>
    IStash Stash { get; set; }
}

internal sealed partial class ActorCell
{
    private StashImpl? _stash;

    private void PrependToMailbox(List<Envelope> envelopes)
    {
        if (envelopes.Count == 0) return;
        var queue = new Queue<Envelope>(envelopes.Count + (_unstashed?.Count ?? 0));
        foreach (var e in envelopes) queue.Enqueue(e);
        if (_unstashed is { } rest) foreach (var e in rest) queue.Enqueue(e);
        _unstashed = queue;
    }

    internal sealed class StashImpl : IStash
    {
        private readonly ActorCell _cell;
        private readonly List<Envelope> _stashed = [];
        private object? _lastStashed;

        public StashImpl(ActorCell cell)
        {
            _cell = cell;
            cell._stash = this;
        }

        public int Count => _stashed.Count;

        public void Stash()
        {
            var message = _cell._currentMessage ?? throw new InvalidOperationException("There is no current message to stash");
            if (ReferenceEquals(message, _lastStashed) && _stashed.Count > 0 && ReferenceEquals(_stashed[^1].Message, message))
                throw new InvalidOperationException($"The message {message.GetType().Name} is already stashed");
            _stashed.Add(new Envelope(message, _cell._currentSender));
            _lastStashed = message;
        }

        public void Unstash()
        {
            if (_stashed.Count == 0) return;
            var head = _stashed[0];
            _stashed.RemoveAt(0);
            _cell.PrependToMailbox([head]);
        }

        public void UnstashAll() => PrependToMailbox();

        public IReadOnlyList<object> ClearStash()
        {
            var messages = _stashed.Select(e => e.Message).ToArray();
            _stashed.Clear();
            return messages;
        }

        internal void PrependToMailbox()
        {
            if (_stashed.Count == 0) return;
            _cell.PrependToMailbox(_stashed);
            _stashed.Clear();
            _lastStashed = null;
        }

        internal void DrainToDeadLetters()
        {
            foreach (var e in _stashed) _cell._system.PublishDeadLetter(e.Message, e.Sender, _cell);
            _stashed.Clear();
        }
    }
}
