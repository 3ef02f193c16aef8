using LiveStack.Client;
using LiveStack.Router;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Publishes committed changes as <c>{entity}.created|updated|deleted</c> through the app's
/// in-process session. Where a read rule exists, only subscribers that may read the row are
/// eligible, so a session never receives a row, an update or a delete it may not read.
/// </summary>
internal sealed class ChangePublisher(LiveClient client, WampRouter router)
{
    private static readonly PublishOptions Everyone = new() { IncludeMe = true };

    public async Task PublishAsync(IReadOnlyList<EntityChange> changes)
    {
        foreach (var change in changes)
        {
            var options = Everyone;
            if (change.Entity.HasReadRule)
            {
                var eligible = await EligibleAsync(change).ConfigureAwait(false);
                if (eligible.Count == 0)
                {
                    continue;
                }

                options = Everyone with { Eligible = eligible };
            }

            var keywords = new Dictionary<string, object?>(StringComparer.Ordinal) { ["version"] = change.Version };
            if (change.Kind == ChangeKind.Updated)
            {
                keywords["changed"] = change.Changed.Cast<object?>().ToList();
            }

            await client.PublishAsync(change.Topic, [change.Payload], keywords, options).ConfigureAwait(false);
        }
    }

    private async Task<List<long>> EligibleAsync(EntityChange change)
    {
        var session = await client.WhenReadyAsync().ConfigureAwait(false);
        var eligible = new List<long>();
        foreach (var subscriber in router.FindSubscribers(session.Realm, change.Topic))
        {
            // The app's own session sees everything it wrote.
            if (subscriber.SessionId == session.Id || change.Entity.CanRead(change.Row, LiveUsers.From(subscriber)))
            {
                eligible.Add(subscriber.SessionId);
            }
        }

        return eligible;
    }
}
