using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.AspNetCore;

/// <summary>Returned by <c>AddLiveStack</c> so further LiveStack features can chain onto it.</summary>
public interface ILiveStackBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}

internal sealed class LiveStackBuilder(IServiceCollection services) : ILiveStackBuilder
{
    public IServiceCollection Services { get; } = services;
}
