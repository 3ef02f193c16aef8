using LiveStack.Client;
using LiveStack.EntityFrameworkCore.Queries;
using LiveStack.Wamp;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// The live queries of one DbContext type: the <c>{entity}.live</c> procedures, and the shared
/// evaluations they feed from. Shared evaluations are created, updated and dropped only on the
/// change feed's loop.
/// </summary>
internal sealed class LiveQueries<TDb>(LiveDataRuntime runtime, TimeProvider time)
    where TDb : DbContext
{
    /// <summary>How long an evaluation nobody watches is kept, so a reconnecting caller can resume from it.</summary>
    private static readonly TimeSpan IdleGrace = TimeSpan.FromMinutes(1);

    private readonly string _epoch = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16];
    private readonly Dictionary<string, SharedLiveQuery> _shared = new(StringComparer.Ordinal);

    /// <summary>Registers <c>{entity}.live</c>: a progressive call that answers with a snapshot (or the missed deltas) and then every delta.</summary>
    public void Register<T>(LiveEntity<T> entity)
        where T : class
    {
        runtime.Client.Register(entity.Procedure("live"), (invocation, cancellationToken) => RunAsync(entity, invocation, cancellationToken), new RegisterOptions { DiscloseCaller = true });
    }

    public async Task OnBatchAsync(IReadOnlyList<EntityChange> changes)
    {
        foreach (var query in _shared.Values.ToList())
        {
            var relevant = changes.Where(c => c.Entity == query.Entity && c.Version > query.Version).ToList();
            if (relevant.Count == 0)
            {
                continue;
            }

            var before = query.Rows.ToList();
            var applied = true;
            foreach (var change in relevant)
            {
                applied &= query.TryApply(change);
                if (!applied)
                {
                    break;
                }
            }

            if (!applied)
            {
                await query.LoadAsync().ConfigureAwait(false);
            }

            await query.PublishAsync(before, relevant[^1].Version).ConfigureAwait(false);
        }

        DropIdle();
    }

    public async Task OnRefreshAsync(IReadOnlyCollection<LiveEntity> entities)
    {
        foreach (var query in _shared.Values.Where(q => entities.Contains(q.Entity)).ToList())
        {
            // The version is read before loading: every change up to it is committed and so in the
            // result, while a change committed during the load comes later and is applied then.
            var before = query.Rows.ToList();
            var version = query.Entity.Version;
            await query.LoadAsync().ConfigureAwait(false);
            await query.PublishAsync(before, version).ConfigureAwait(false);
        }
    }

    private async ValueTask<WampResult> RunAsync<T>(LiveEntity<T> entity, WampInvocation invocation, CancellationToken cancellationToken)
        where T : class
    {
        var user = runtime.CallerOf(invocation);
        var request = EntityPayload.Object(invocation, "since");
        var since = invocation.ArgumentsKeywords.GetValueOrDefault("since") as IReadOnlyDictionary<string, object?>
            ?? request.GetValueOrDefault("since") as IReadOnlyDictionary<string, object?>;
        request = request.Where(p => p.Key != "since").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var clientQuery = request.ContainsKey("query") ? null : EntityQueries.Parse(entity, request, runtime.Options);
        var key = Key(entity, request, clientQuery, user);
        var stream = new LiveStream(invocation);

        var (shared, first) = await runtime.Feed.RunExclusiveAsync(async () =>
        {
            if (!_shared.TryGetValue(key, out var found))
            {
                found = new SharedLiveQuery<TDb, T>(runtime, entity, key, request, clientQuery, user);
                await found.LoadAsync().ConfigureAwait(false);
                found.Loaded(entity.Version);
                _shared[key] = found;
            }

            var initial = Resume(found, since) ?? found.Snapshot(_epoch);
            if (invocation.ReceiveProgress)
            {
                found.Attach(stream);
                await stream.SendAsync(initial).ConfigureAwait(false);
            }

            return (found, initial);
        }, cancellationToken).ConfigureAwait(false);

        if (!invocation.ReceiveProgress)
        {
            // A caller that cannot take progressive results gets the snapshot once.
            return new WampResult([first]);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            shared.Detach(stream, time.GetUtcNow());
        }

        return WampResult.Empty;
    }

    private Dictionary<string, object?>? Resume(SharedLiveQuery query, IReadOnlyDictionary<string, object?>? since)
    {
        if (since is null
            || since.GetValueOrDefault("epoch") as string != _epoch
            || since.GetValueOrDefault("version") is not long version
            || query.Since(version) is not { } missed)
        {
            return null;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "resume",
            ["epoch"] = _epoch,
            ["version"] = query.Version,
            ["deltas"] = missed.Select(d => (object?)d.ToPayload()).ToList(),
        };
    }

    private static string Key<T>(LiveEntity<T> entity, IReadOnlyDictionary<string, object?> request, Queries.EntityQuery<T>? clientQuery, LiveUser user)
        where T : class
    {
        var query = clientQuery?.CanonicalKey ?? $"named:{request["query"]}:{Canonical(request.GetValueOrDefault("params"))}";
        var reader = entity.ReadDependsOnUser || clientQuery is null ? $"{user.AuthId}\n{user.AuthRole}" : "";
        return $"{entity.Name}\n{query}\n{reader}";
    }

    private static string Canonical(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{QueryValues.Quote(p.Key)}:{Canonical(p.Value)}")) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        _ => QueryValues.Canonical(value),
    };

    private void DropIdle()
    {
        var now = time.GetUtcNow();
        foreach (var (key, query) in _shared.ToList())
        {
            if (query.IdleSince is { } idle && now - idle > IdleGrace)
            {
                _shared.Remove(key);
            }
        }
    }
}
