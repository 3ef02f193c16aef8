using LiveStack.Client;
using LiveStack.Router;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.EntityFrameworkCore;

/// <summary>The live-data layer of one DbContext type: the interceptors that feed it, and the procedures it serves.</summary>
internal sealed class LiveData<TDb> : IAsyncDisposable
    where TDb : DbContext
{
    private readonly ChangeFeed _feed;
    private readonly LiveQueries<TDb> _liveQueries;
    private readonly LiveDataRuntime _runtime;
    private int _registered;

    public LiveData(LiveDataOptions options, LiveClient client, WampRouter router, IServiceScopeFactory scopes, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var logger = loggerFactory.CreateLogger("LiveStack.LiveData");
        var model = new LiveDataModel(options, client.Options.JsonOptions);
        _feed = new ChangeFeed(logger);
        _runtime = new LiveDataRuntime(model, _feed, client, router, scopes, new IdempotencyCache(time, options.IdempotencyWindow), logger);
        _liveQueries = new LiveQueries<TDb>(_runtime, time);
        var publisher = new ChangePublisher(client, router);
        _feed.Connect(
            async changes =>
            {
                await publisher.PublishAsync(changes).ConfigureAwait(false);
                await _liveQueries.OnBatchAsync(changes).ConfigureAwait(false);
            },
            _liveQueries.OnRefreshAsync);
        Interceptors = [new SaveChangesCapture(model, _feed), new TransactionCapture(model, _feed), new BypassCapture(model, _feed, logger)];
    }

    /// <summary>Added to every <typeparamref name="TDb"/> the app creates.</summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; }

    /// <summary>Builds the model from a context and registers every entity's procedures (once).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _registered, 1) != 0)
        {
            return;
        }

        await using (var scope = _runtime.Scopes.CreateAsyncScope())
        {
            _runtime.Model.EnsureBuilt(scope.ServiceProvider.GetRequiredService<TDb>().Model);
        }

        foreach (var entity in _runtime.Model.Entities)
        {
            var register = typeof(LiveData<TDb>).GetMethod(nameof(RegisterEntity), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            var procedures = (IEnumerable<string>)register.Invoke(this, [entity])!;
            LiveDataLog.EntityExposed(_runtime.Logger, entity.ClrType.Name, entity.Name, string.Join(", ", procedures));
        }

        await _runtime.Client.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _feed.DisposeAsync();

    private IEnumerable<string> RegisterEntity<T>(LiveEntity entity)
        where T : class
    {
        var typed = (LiveEntity<T>)entity;
        var procedures = new EntityProcedures<TDb, T>(_runtime, typed).Register().ToList();
        _liveQueries.Register(typed);
        procedures.Add("live");
        return procedures.Select(typed.Procedure);
    }
}
