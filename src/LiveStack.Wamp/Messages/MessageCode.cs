namespace LiveStack.Wamp.Messages;

/// <summary>The WAMP v2 message type codes, the first element of every message.</summary>
public enum MessageCode
{
    /// <summary>HELLO, client to router: opens a session.</summary>
    Hello = 1,
    /// <summary>WELCOME, router to client: the session is established.</summary>
    Welcome = 2,
    /// <summary>ABORT, either direction: the session could not be opened or is being torn down; never answered.</summary>
    Abort = 3,
    /// <summary>CHALLENGE, router to client: an authentication challenge.</summary>
    Challenge = 4,
    /// <summary>AUTHENTICATE, client to router: the answer to a challenge.</summary>
    Authenticate = 5,
    /// <summary>GOODBYE, either direction: closes a session; answered with GOODBYE.</summary>
    Goodbye = 6,
    /// <summary>ERROR: the failure reply to a request.</summary>
    Error = 8,
    /// <summary>PUBLISH, publisher to broker.</summary>
    Publish = 16,
    /// <summary>PUBLISHED, broker to publisher: the acknowledgement of a publish.</summary>
    Published = 17,
    /// <summary>SUBSCRIBE, subscriber to broker.</summary>
    Subscribe = 32,
    /// <summary>SUBSCRIBED, broker to subscriber.</summary>
    Subscribed = 33,
    /// <summary>UNSUBSCRIBE, subscriber to broker.</summary>
    Unsubscribe = 34,
    /// <summary>UNSUBSCRIBED, broker to subscriber (or a revocation).</summary>
    Unsubscribed = 35,
    /// <summary>EVENT, broker to subscriber.</summary>
    Event = 36,
    /// <summary>CALL, caller to dealer.</summary>
    Call = 48,
    /// <summary>CANCEL, caller to dealer: cancels a pending call.</summary>
    Cancel = 49,
    /// <summary>RESULT, dealer to caller.</summary>
    Result = 50,
    /// <summary>REGISTER, callee to dealer.</summary>
    Register = 64,
    /// <summary>REGISTERED, dealer to callee.</summary>
    Registered = 65,
    /// <summary>UNREGISTER, callee to dealer.</summary>
    Unregister = 66,
    /// <summary>UNREGISTERED, dealer to callee (or a revocation).</summary>
    Unregistered = 67,
    /// <summary>INVOCATION, dealer to callee.</summary>
    Invocation = 68,
    /// <summary>INTERRUPT, dealer to callee: stop working on an invocation.</summary>
    Interrupt = 69,
    /// <summary>YIELD, callee to dealer: the (progressive or final) result of an invocation.</summary>
    Yield = 70,
}
