using LiveStack.Client.Binding;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Client.Tests.Binding;

public class HandlerBinderServiceTests
{
    [Fact]
    public async Task ScopedServiceIsResolvedPerCallAndDisposedAfterTheHandlerCompletes()
    {
        using var provider = new ServiceCollection().AddScoped<Counter>().BuildServiceProvider();
        var binder = new HandlerBinder(provider, WampConvert.DefaultOptions);
        var seen = new List<Counter>();
        var bound = binder.BindProcedure(
            async (Counter counter, int add) =>
            {
                seen.Add(counter);
                await Task.Yield();
                Assert.False(counter.Disposed);
                return counter.Add(add);
            },
            Payloads.Procedure);

        var first = await bound(Payloads.Invocation([2L]), default);
        var second = await bound(Payloads.Invocation([5L]), default);

        Assert.Equal(2L, Assert.Single(first.Arguments));
        Assert.Equal(5L, Assert.Single(second.Arguments));
        Assert.Equal(2, seen.Count);
        Assert.NotSame(seen[0], seen[1]);
        Assert.All(seen, counter => Assert.True(counter.Disposed));
    }

    [Fact]
    public async Task ScopeIsDisposedWhenTheHandlerFails()
    {
        using var provider = new ServiceCollection().AddScoped<Counter>().BuildServiceProvider();
        var binder = new HandlerBinder(provider, WampConvert.DefaultOptions);
        Counter? seen = null;
        var bound = binder.BindProcedure(
            async Task (Counter counter) =>
            {
                seen = counter;
                await Task.Yield();
                throw new InvalidOperationException("boom");
            },
            Payloads.Procedure);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bound(Payloads.Invocation(), default).AsTask());

        Assert.True(seen!.Disposed);
    }

    [Fact]
    public async Task KeyedServiceIsResolvedFromTheAttribute()
    {
        using var provider = new ServiceCollection()
            .AddKeyedSingleton("greeting", "hello")
            .AddKeyedSingleton("farewell", "bye")
            .BuildServiceProvider();
        var binder = new HandlerBinder(provider, WampConvert.DefaultOptions);
        var bound = binder.BindProcedure(([FromKeyedServices("farewell")] string word, string name) => $"{word} {name}", Payloads.Procedure);

        var result = await bound(Payloads.Invocation(["ada"]), default);

        Assert.Equal("bye ada", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task UnknownTypesStayPayloadArgumentsWithAProvider()
    {
        using var provider = new ServiceCollection().AddScoped<Counter>().BuildServiceProvider();
        var binder = new HandlerBinder(provider, WampConvert.DefaultOptions);
        var bound = binder.BindProcedure((Counter counter, HandlerBinderArgumentTests.Order order) => $"{order.Item}:{counter.Add(order.Quantity)}", Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("item", "tea"), ("quantity", 2L))), default);

        Assert.Equal("tea:2", Assert.Single(result.Arguments));
    }

    public sealed class Counter : IDisposable
    {
        private int _total;

        public bool Disposed { get; private set; }

        public int Add(int value) => _total += value;

        public void Dispose() => Disposed = true;
    }
}
