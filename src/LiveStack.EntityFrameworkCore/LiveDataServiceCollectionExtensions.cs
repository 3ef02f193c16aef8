using LiveStack.AspNetCore;
using LiveStack.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds live data on EF Core to LiveStack.</summary>
public static class LiveDataServiceCollectionExtensions
{
    /// <summary>
    /// Exposes entities of <typeparamref name="TDb"/> (registered as usual with <c>AddDbContext</c>):
    /// committed changes become <c>{entity}.created|updated|deleted</c> publications, and each entity
    /// gets the procedures <c>create</c>, <c>get</c>, <c>list</c>, <c>update</c>, <c>delete</c> and
    /// <c>live</c>. Only entities opted in with <see cref="LiveDataOptions.Entity{T}"/> are exposed.
    /// </summary>
    /// <example><c>builder.Services.AddLiveStack().AddLiveData&lt;AppDb&gt;(o =&gt; o.Entity&lt;TodoItem&gt;());</c></example>
    public static ILiveStackBuilder AddLiveData<TDb>(this ILiveStackBuilder builder, Action<LiveDataOptions> configure)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new LiveDataOptions();
        configure(options);
        options.Validate();
        builder.Services.TryAddSingleton(services => ActivatorUtilities.CreateInstance<LiveData<TDb>>(services, options));
        builder.Services.ConfigureDbContext<TDb>((services, db) => db.AddInterceptors(services.GetRequiredService<LiveData<TDb>>().Interceptors));
        builder.Services.AddHostedService<LiveDataService<TDb>>();
        return builder;
    }
}
