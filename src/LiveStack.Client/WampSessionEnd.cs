namespace LiveStack.Client;

/// <summary>How a session ended.</summary>
/// <param name="Reason">The close or abort reason URI, e.g. <c>wamp.close.normal</c>, or <see cref="ClientErrors.ConnectionLost"/>.</param>
/// <param name="Message">A human-readable explanation, when one was given.</param>
/// <param name="Requested">True when this side asked to leave.</param>
public sealed record WampSessionEnd(string Reason, string? Message, bool Requested);
