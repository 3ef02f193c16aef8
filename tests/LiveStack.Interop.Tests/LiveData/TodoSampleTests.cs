using LiveStack.Interop.Tests.Client;

namespace LiveStack.Interop.Tests.LiveData;

/// <summary>
/// The live-data layer seen from third-party WAMP clients: the built samples/Todo app runs as its own
/// process (<see cref="TodoSampleFixture"/>) and plain autobahn-js and wampy.js scripts
/// (tests/interop/livedata) create, update, delete and list todo items, receive the change events,
/// get the validation and not-found errors, and hold a live query. The scripts share the app, so each
/// works on rows with titles of its own.
/// </summary>
public sealed class TodoSampleTests(TodoSampleFixture app, ITestOutputHelper output) : IClassFixture<TodoSampleFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task AutobahnCreatesATodoAndReceivesTheCreatedEvent(string serializer) =>
        RunAsync("todo-create-event.js", serializer);

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task AutobahnUpdatesDeletesListsGetsErrorsAndHoldsALiveQuery(string serializer) =>
        RunAsync("todo-crud-live.js", serializer);

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task WampyCreatesATodoAndReceivesTheCreatedEvent(string serializer) =>
        RunAsync("wampy-todo-create.js", serializer);

    private async Task RunAsync(string script, string serializer)
    {
        using (var node = ChildProcess.StartNode($"livedata/{script}", ["--url", app.Url, "--serializer", serializer]))
        {
            try
            {
                await node.AssertPassesAsync(output);
            }
            catch
            {
                output.WriteLine($"--- samples/Todo ({app.Url})\n{app.Transcript}");
                throw;
            }
        }

        // A change whose publication failed is logged, not answered: the app must have logged no error.
        Assert.True(app.Failures().Count == 0, $"samples/Todo logged errors:\n{app.Transcript}");
    }
}
