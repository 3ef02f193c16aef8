using Microsoft.Extensions.Time.Testing;

namespace LiveStack.Router.Tests;

internal static class TestRouter
{
    public static WampRouter Create(Action<RouterOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new RouterOptions();
        configure?.Invoke(options);
        return new WampRouter(options, timeProvider: time ?? new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
