namespace LiveStack.Router.Auth;

/// <summary>An action a session asks the router to perform on a URI; each one is authorized separately.</summary>
public enum WampAction
{
    /// <summary>CALL a procedure.</summary>
    Call,

    /// <summary>REGISTER a procedure.</summary>
    Register,

    /// <summary>PUBLISH to a topic.</summary>
    Publish,

    /// <summary>SUBSCRIBE to a topic.</summary>
    Subscribe,
}
