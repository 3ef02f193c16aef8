using Microsoft.AspNetCore.SignalR;

namespace LiveStack.Benchmarks.Servers.SignalR;

/// <summary>
/// The SignalR version of the job: <see cref="Publish"/> broadcasts to a group (the topic), and
/// <see cref="Call"/> invokes the registered callee with a client result and returns its answer.
/// </summary>
internal sealed class BenchHub(CalleeDirectory callees) : Hub
{
    public Task Subscribe(string topic) => Groups.AddToGroupAsync(Context.ConnectionId, topic);

    public Task Publish(string topic, string payload) => Clients.Group(topic).SendAsync("event", payload);

    public void Register() => callees.ConnectionId = Context.ConnectionId;

    public Task<string> Call(string payload) =>
        Clients.Client(callees.ConnectionId ?? throw new HubException("No callee is registered."))
            .InvokeAsync<string>("echo", payload, Context.ConnectionAborted);
}
