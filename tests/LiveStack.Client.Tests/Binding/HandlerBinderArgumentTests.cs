using System.Text.Json;
using LiveStack.Client.Binding;
using LiveStack.Wamp;

namespace LiveStack.Client.Tests.Binding;

public class HandlerBinderArgumentTests
{
    private static readonly HandlerBinder Binder = new(null, WampConvert.DefaultOptions);

    public sealed record Order(string Item, int Quantity);

    public enum Color
    {
        Red,
        Green,
    }

    [Fact]
    public async Task PositionalArgumentsBindInOrder()
    {
        var bound = Binder.BindProcedure((int a, int b) => a - b, Payloads.Procedure);

        var result = await bound(Payloads.Invocation([10L, 3L]), default);

        Assert.Equal(7L, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task KeywordArgumentsBindByExactName()
    {
        var bound = Binder.BindProcedure((int a, int b) => a - b, Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("b", 3L), ("a", 10L))), default);

        Assert.Equal(7L, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task KeywordArgumentsBindCaseInsensitively()
    {
        var bound = Binder.BindProcedure((string userName) => userName, Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("USERNAME", "ada"))), default);

        Assert.Equal("ada", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task KeywordArgumentsBindBySnakeCaseName()
    {
        var bound = Binder.BindProcedure((long userId, string displayName) => $"{userId}:{displayName}", Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("user_id", 5L), ("display_name", "ada"))), default);

        Assert.Equal("5:ada", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task PositionalArgumentsComeBeforeKeywords()
    {
        var bound = Binder.BindProcedure((int a, int b) => a - b, Payloads.Procedure);

        var result = await bound(Payloads.Invocation([10L], Payloads.Keywords(("b", 4L), ("a", 100L))), default);

        Assert.Equal(6L, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task MissingOptionalArgumentsTakeTheirDefaults()
    {
        var bound = Binder.BindProcedure((string name, int times = 2, Color color = Color.Green) => $"{name}x{times}:{color}", Payloads.Procedure);

        var result = await bound(Payloads.Invocation(["hi"]), default);

        Assert.Equal("hix2:Green", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task MissingNullableArgumentsBindNull()
    {
        var bound = Binder.BindProcedure((string? label, int? count) => label is null && count is null, Payloads.Procedure);

        var result = await bound(Payloads.Invocation(), default);

        Assert.Equal(true, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task ExplicitNullBindsToANullableParameter()
    {
        var bound = Binder.BindProcedure((string? label) => label ?? "none", Payloads.Procedure);

        var result = await bound(Payloads.Invocation([null]), default);

        Assert.Equal("none", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task MissingRequiredArgumentIsAnInvalidArgumentNamingTheParameter()
    {
        var bound = Binder.BindProcedure((int first, int second) => first + second, Payloads.Procedure);

        var error = await Assert.ThrowsAsync<WampException>(() => bound(Payloads.Invocation([1L]), default).AsTask());

        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        Assert.Equal($"{Payloads.Procedure}: missing argument 'second'", Assert.Single(error.Arguments));
    }

    [Fact]
    public async Task ValueOfTheWrongTypeIsAnInvalidArgument()
    {
        var bound = Binder.BindProcedure((int count) => count, Payloads.Procedure);

        var error = await Assert.ThrowsAsync<WampException>(() => bound(Payloads.Invocation(["many"]), default).AsTask());

        Assert.Equal(WampErrors.InvalidArgument, error.Uri);
        var message = Assert.IsType<string>(Assert.Single(error.Arguments));
        Assert.StartsWith($"{Payloads.Procedure}: argument 'count' must be int (", message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task NullForANonNullableParameterIsAnInvalidArgument()
    {
        var bound = Binder.BindProcedure((string name, int count) => name, Payloads.Procedure);

        var nullString = await Assert.ThrowsAsync<WampException>(() => bound(Payloads.Invocation([null, 1L]), default).AsTask());
        var nullInt = await Assert.ThrowsAsync<WampException>(() => bound(Payloads.Invocation(["a", null]), default).AsTask());

        Assert.Equal(WampErrors.InvalidArgument, nullString.Uri);
        Assert.Contains("'name' must be string", nullString.Message, StringComparison.Ordinal);
        Assert.Equal(WampErrors.InvalidArgument, nullInt.Uri);
        Assert.Contains("'count' must be int", nullInt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoneComplexParameterTakesTheWholeKeywordArguments()
    {
        var bound = Binder.BindProcedure((Order order) => $"{order.Quantity} {order.Item}", Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("item", "tea"), ("quantity", 2L))), default);

        Assert.Equal("2 tea", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task ALoneComplexParameterPrefersAKeywordWithItsName()
    {
        var bound = Binder.BindProcedure((Order order) => order.Item, Payloads.Procedure);
        var nested = Payloads.Keywords(("item", "coffee"), ("quantity", 1L));

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("order", nested))), default);

        Assert.Equal("coffee", Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task ComplexParameterBindsPositionally()
    {
        var bound = Binder.BindProcedure((Order order) => order.Quantity, Payloads.Procedure);

        var result = await bound(Payloads.Invocation([Payloads.Keywords(("item", "tea"), ("quantity", 3L))]), default);

        Assert.Equal(3L, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task WholeKeywordBindingNeedsALoneComplexParameter()
    {
        var bound = Binder.BindProcedure((Order order, int extra) => order.Quantity + extra, Payloads.Procedure);

        var error = await Assert.ThrowsAsync<WampException>(() =>
            bound(Payloads.Invocation(keywords: Payloads.Keywords(("item", "tea"), ("quantity", 2L), ("extra", 1L))), default).AsTask());

        Assert.Contains("missing argument 'order'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationTokenAndInvocationAreNotPayloadArguments()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        WampInvocation? seenInvocation = null;
        var bound = Binder.BindProcedure(
            (CancellationToken token, int value, WampInvocation invocation) =>
            {
                seen = token;
                seenInvocation = invocation;
                return value;
            },
            Payloads.Procedure);
        var invocation = Payloads.Invocation([4L]);

        var result = await bound(invocation, cancellation.Token);

        Assert.Equal(4L, Assert.Single(result.Arguments));
        Assert.Equal(cancellation.Token, seen);
        Assert.Same(invocation, seenInvocation);
        Assert.Equal(42L, seenInvocation!.Caller);
    }

    [Fact]
    public async Task StaticLambdasClosuresAndManyParametersBind()
    {
        var offset = 100;
        var closure = Binder.BindProcedure((int a) => a + offset, Payloads.Procedure);
        var lambda = Binder.BindProcedure(static (int a, int b, int c, int d, int e, int f, int g, int h, int i, int j) => a + b + c + d + e + f + g + h + i + j, Payloads.Procedure);

        var closed = await closure(Payloads.Invocation([1L]), default);
        var many = await lambda(Payloads.Invocation([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L]), default);

        Assert.Equal(101L, Assert.Single(closed.Arguments));
        Assert.Equal(55L, Assert.Single(many.Arguments));
    }

    [Fact]
    public async Task InstanceMethodsBindWithTheirTarget()
    {
        var calculator = new Calculator(10);
        var bound = Binder.BindProcedure(typeof(Calculator).GetMethod(nameof(Calculator.Scale))!, calculator, Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("factor", 3L))), default);

        Assert.Equal(30L, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task StaticMethodsBindWithoutATarget()
    {
        var bound = Binder.BindProcedure(typeof(Calculator).GetMethod(nameof(Calculator.Negate))!, null, Payloads.Procedure);

        var result = await bound(Payloads.Invocation([3L]), default);

        Assert.Equal(-3L, Assert.Single(result.Arguments));
    }

    [Fact]
    public async Task DelegatesClosedOverAStaticMethodsFirstArgumentBind()
    {
        Func<string, string> greet = "hello".Greet;
        var bound = Binder.BindProcedure(greet, Payloads.Procedure);

        var result = await bound(Payloads.Invocation(keywords: Payloads.Keywords(("name", "ada"))), default);

        Assert.Equal("hello, ada", Assert.Single(result.Arguments));
    }

    [Fact]
    public void InstanceMethodWithoutTargetIsRejectedAtBindTime()
    {
        var method = typeof(Calculator).GetMethod(nameof(Calculator.Scale))!;

        Assert.Throws<ArgumentException>(() => Binder.BindProcedure(method, null, Payloads.Procedure));
        Assert.Throws<ArgumentException>(() => Binder.BindProcedure(method, "not a calculator", Payloads.Procedure));
    }

    [Fact]
    public void EventParameterIsRejectedInAProcedureHandler()
    {
        Assert.Throws<ArgumentException>(() => Binder.BindProcedure((WampEvent e) => 1, Payloads.Procedure));
    }

    [Fact]
    public void KeyedServiceParameterNeedsAServiceProvider()
    {
        Assert.Throws<ArgumentException>(() =>
            Binder.BindProcedure(([Microsoft.Extensions.DependencyInjection.FromKeyedServices("k")] Calculator c) => 1, Payloads.Procedure));
    }

    public sealed class Calculator(int baseValue)
    {
        public static int Negate(int value) => -value;

        public int Scale(int factor) => baseValue * factor;
    }
}
