using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiveStack.Benchmarks.Servers;

/// <summary>
/// <c>GET /stats[?gc]</c>: what only the server process itself can tell, as
/// <c>{"alloc":bytes allocated so far,"heap":live GC heap bytes}</c>. With <c>gc</c> it first runs a
/// full, aggressive collection, so the heap figure and the RSS read next hold only live objects.
/// CPU time and RSS the load client reads from /proc itself.
/// </summary>
internal static class StatsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/stats", (HttpContext context) =>
    {
        if (context.Request.Query.ContainsKey("gc"))
        {
            // Aggressive also compacts the large object heap and gives free GC memory back to the OS,
            // so RSS measures what the sessions hold rather than the GC's slack from earlier allocations.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        var body = string.Create(CultureInfo.InvariantCulture, $"{{\"alloc\":{GC.GetTotalAllocatedBytes(precise: true)},\"heap\":{GC.GetTotalMemory(forceFullCollection: false)}}}");
        return Results.Text(body, "application/json");
    });
}
