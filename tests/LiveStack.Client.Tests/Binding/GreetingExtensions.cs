namespace LiveStack.Client.Tests.Binding;

/// <summary>An extension method, so a test can bind a delegate closed over a static method's first argument.</summary>
internal static class GreetingExtensions
{
    public static string Greet(this string greeting, string name) => $"{greeting}, {name}";
}
