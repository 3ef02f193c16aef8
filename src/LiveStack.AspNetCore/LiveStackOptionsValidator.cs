using Microsoft.Extensions.Options;

namespace LiveStack.AspNetCore;

/// <summary>Rejects out-of-range options at start, with messages that name the setting.</summary>
internal sealed class LiveStackOptionsValidator : IValidateOptions<LiveStackOptions>
{
    private const int RawSocketMaxLength = 16 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, LiveStackOptions options)
    {
        var failures = new List<string>();
        if (options.MaxMessageSize is < 512 or > RawSocketMaxLength)
        {
            failures.Add($"LiveStack:MaxMessageSize must be between 512 and {RawSocketMaxLength} bytes (was {options.MaxMessageSize}).");
        }

        if (options.RawSocket.MaxMessageSize is { } rawMax && (rawMax < 512 || rawMax > RawSocketMaxLength))
        {
            failures.Add($"LiveStack:RawSocket:MaxMessageSize must be between 512 and {RawSocketMaxLength} bytes (was {rawMax}).");
        }

        if (options.KeepAliveTimeout < TimeSpan.Zero)
        {
            failures.Add("LiveStack:KeepAliveTimeout must not be negative.");
        }

        if (options.RawSocket.Port is { } port && (port < 0 || port > 65535))
        {
            failures.Add($"LiveStack:RawSocket:Port must be a TCP port (was {port}).");
        }

        if (options.CloseTimeout <= TimeSpan.Zero)
        {
            failures.Add("LiveStack:CloseTimeout must be positive.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
            {
                failures.Add($"LiveStack:AllowedOrigins entry '{origin}' is not an origin such as https://app.example.com.");
            }
        }

        try
        {
            options.ToRouterOptions().Validate();
        }
        catch (InvalidOperationException e)
        {
            failures.Add("LiveStack:" + e.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
