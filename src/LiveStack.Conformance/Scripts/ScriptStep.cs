namespace LiveStack.Conformance.Scripts;

/// <summary>What a step does.</summary>
internal enum StepKind
{
    /// <summary>The session sends a frame (<c>message</c>), written exactly as given.</summary>
    Send,

    /// <summary>The session sends raw bytes (<c>raw_text</c> or <c>raw_hex</c>) as one WebSocket message.</summary>
    SendRaw,

    /// <summary>The session must receive frames matching the patterns (in order for one, any order for several) and, if asked, then see the connection close.</summary>
    Receive,

    /// <summary>The session must receive no WAMP message for a while.</summary>
    ReceiveNothing,

    /// <summary>The session joins with the runner's standard HELLO and must get WELCOME.</summary>
    Join,

    /// <summary>The session's connection is dropped without GOODBYE.</summary>
    Disconnect,
}

/// <summary>One entry of a script's <c>sequence</c>.</summary>
internal sealed record ScriptStep(int Index, StepKind Kind, string Session, string? Description)
{
    /// <summary>The frame to send (<see cref="StepKind.Send"/>).</summary>
    public IReadOnlyList<object?>? Frame { get; init; }

    /// <summary>The expected frames (<see cref="StepKind.Receive"/>); several means any order.</summary>
    public IReadOnlyList<object?> Patterns { get; init; } = [];

    /// <summary>Whether the connection must close after the expected frames (<see cref="StepKind.Receive"/>).</summary>
    public bool ExpectClosed { get; init; }

    /// <summary>The bytes to send (<see cref="StepKind.SendRaw"/>).</summary>
    public byte[]? Raw { get; init; }

    /// <summary>How long to wait for each expected frame; null for the run's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long the session must stay quiet (<see cref="StepKind.ReceiveNothing"/>).</summary>
    public TimeSpan QuietPeriod { get; init; }

    /// <summary>What must hold (upstream's <c>assertion</c>), printed when the step fails.</summary>
    public string? Assertion { get; init; }

    /// <summary>A pause before the step runs (<c>timing.delay_ms</c>).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A short header for reports: the step number, direction and description.</summary>
    public string Label
    {
        get
        {
            // Index 0 marks work the runner does on its own, such as joining sessions before the first step.
            if (Index == 0)
            {
                return Description ?? "setup";
            }

            var direction = Kind is StepKind.Receive or StepKind.ReceiveNothing ? $"router → {Session}" : $"{Session} → router";
            return Description is null ? $"step {Index} ({direction})" : $"step {Index} ({direction}): {Description}";
        }
    }
}
