using LiveStack.Client.Binding;
using LiveStack.Wamp;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Client.Tests.Binding;

public class HandlerBinderTopicTests
{
    private static readonly HandlerBinder Binder = new(null, WampConvert.DefaultOptions);

    [Fact]
    public async Task EventArgumentsBindLikeCallArguments()
    {
        var received = new List<string>();
        var handler = Binder.BindTopic((string text, int count = 1, string? author = null) => received.Add($"{text}x{count} by {author}"), Payloads.Topic);

        await handler(Payloads.Event(["hi"], Payloads.Keywords(("Author", "ada"))), default);

        Assert.Equal("hix1 by ada", Assert.Single(received));
    }

    [Fact]
    public async Task EventAndCancellationTokenParametersGetTheCurrentOnes()
    {
        using var cancellation = new CancellationTokenSource();
        WampEvent? seen = null;
        CancellationToken seenToken = default;
        var handler = Binder.BindTopic(
            (WampEvent @event, CancellationToken token) =>
            {
                seen = @event;
                seenToken = token;
            },
            Payloads.Topic);
        var @event = Payloads.Event();

        await handler(@event, cancellation.Token);

        Assert.Same(@event, seen);
        Assert.Equal(43L, seen!.Publisher);
        Assert.Equal(cancellation.Token, seenToken);
    }

    [Fact]
    public async Task AsyncHandlersAreAwaitedAndTheirValueIgnored()
    {
        var done = false;
        var task = Binder.BindTopic(async Task<int> (int value) =>
        {
            await Task.Delay(10);
            done = true;
            return value;
        }, Payloads.Topic);

        await task(Payloads.Event([1L]), default);

        Assert.True(done);
    }

    [Fact]
    public async Task ConversionFailureIsAnInvalidArgument()
    {
        var handler = Binder.BindTopic((int value) => { }, Payloads.Topic);

        var error = await Assert.ThrowsAsync<WampException>(() => handler(Payloads.Event(["x"]), default).AsTask());

        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.Contains($"{Payloads.Topic}: argument 'value' must be int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionsFromEventHandlersPropagateUnchanged()
    {
        var thrown = new InvalidOperationException("boom");
        var handler = Binder.BindTopic(async ValueTask () =>
        {
            await Task.Yield();
            throw thrown;
        }, Payloads.Topic);

        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => handler(Payloads.Event(), default).AsTask()));
    }

    [Fact]
    public async Task InstanceMethodsWithServicesBindAsEventHandlers()
    {
        using var provider = new ServiceCollection().AddScoped<HandlerBinderServiceTests.Counter>().BuildServiceProvider();
        var binder = new HandlerBinder(provider, WampConvert.DefaultOptions);
        var listener = new Listener();
        var handler = binder.BindTopic(typeof(Listener).GetMethod(nameof(Listener.OnAdded))!, listener, Payloads.Topic);

        await handler(Payloads.Event([3L]), default);

        Assert.Equal(3, listener.Last);
        Assert.True(listener.Counter!.Disposed);
    }

    [Fact]
    public void InvocationParameterIsRejectedInAnEventHandler()
    {
        Assert.Throws<ArgumentException>(() => Binder.BindTopic((WampInvocation invocation) => { }, Payloads.Topic));
    }

    public sealed class Listener
    {
        public int Last { get; private set; }

        public HandlerBinderServiceTests.Counter? Counter { get; private set; }

        public async Task OnAdded(int amount, HandlerBinderServiceTests.Counter counter)
        {
            await Task.Yield();
            Counter = counter;
            Last = counter.Add(amount);
        }
    }
}
