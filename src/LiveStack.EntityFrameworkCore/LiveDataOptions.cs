namespace LiveStack.EntityFrameworkCore;

/// <summary>What the live-data layer exposes and how. Only entities opted in with <see cref="Entity{T}"/> are exposed.</summary>
public sealed class LiveDataOptions
{
    internal List<LiveEntityDefinition> Entities { get; } = [];

    /// <summary>A prefix for every topic and procedure, e.g. <c>app.</c> gives <c>app.todo_item.created</c>. Default: none.</summary>
    public string UriPrefix { get; set; } = "";

    /// <summary>The most rows one <c>list</c> page or live query returns. Default: 1000.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>How long an idempotency key is remembered, so a retried write applies once. Default: 10 minutes.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many recent changes each live query keeps so a reconnecting client can catch up instead of reloading. Default: 1000.</summary>
    public int ResumeWindow { get; set; } = 1000;

    /// <summary>Exposes entity <typeparamref name="T"/>: change events, CRUD procedures and live queries, with the rules <paramref name="configure"/> sets.</summary>
    public LiveDataOptions Entity<T>(Action<LiveEntityBuilder<T>>? configure = null)
        where T : class
    {
        var builder = new LiveEntityBuilder<T>();
        configure?.Invoke(builder);
        Entities.Add(builder.Build());
        return this;
    }

    internal void Validate()
    {
        if (MaxPageSize < 1 || ResumeWindow < 0 || IdempotencyWindow < TimeSpan.Zero)
        {
            throw new InvalidOperationException("LiveData: MaxPageSize must be positive, ResumeWindow and IdempotencyWindow not negative.");
        }

        var duplicate = Entities.GroupBy(e => e.Name ?? e.ClrType.FullName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"LiveData: entity name '{duplicate.Key}' is used twice.");
        }
    }
}
