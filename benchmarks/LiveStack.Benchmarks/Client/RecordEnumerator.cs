namespace LiveStack.Benchmarks.Client;

/// <summary>
/// Splits one WebSocket message into protocol messages: WAMP sends exactly one per WebSocket
/// message, SignalR may batch several, each ending with a separator byte.
/// </summary>
internal ref struct RecordEnumerator(ReadOnlySpan<byte> message, int separator)
{
    private ReadOnlySpan<byte> _rest = message;

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly RecordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
        {
            return false;
        }

        var end = separator < 0 ? -1 : _rest.IndexOf((byte)separator);
        if (end < 0)
        {
            Current = _rest;
            _rest = default;
        }
        else
        {
            Current = _rest[..end];
            _rest = _rest[(end + 1)..];
        }

        return true;
    }
}
