using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace LiveStack.EntityFrameworkCore;

/// <summary>Registers the live-data procedures when the host starts.</summary>
internal sealed class LiveDataService<TDb>(LiveData<TDb> liveData) : IHostedService
    where TDb : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => liveData.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
