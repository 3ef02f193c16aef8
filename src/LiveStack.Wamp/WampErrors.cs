namespace LiveStack.Wamp;

/// <summary>The predefined WAMP error and close reason URIs.</summary>
public static class WampErrors
{
    /// <summary>A URI (topic, procedure, realm, reason) is malformed or reserved.</summary>
    public const string InvalidUri = "wamp.error.invalid_uri";
    /// <summary>A CALL matched no registration.</summary>
    public const string NoSuchProcedure = "wamp.error.no_such_procedure";
    /// <summary>A REGISTER collided with an existing registration (or a mismatched invocation policy).</summary>
    public const string ProcedureAlreadyExists = "wamp.error.procedure_already_exists";
    /// <summary>An UNREGISTER or meta call named an unknown registration.</summary>
    public const string NoSuchRegistration = "wamp.error.no_such_registration";
    /// <summary>An UNSUBSCRIBE or meta call named an unknown subscription.</summary>
    public const string NoSuchSubscription = "wamp.error.no_such_subscription";
    /// <summary>A meta call named an unknown session.</summary>
    public const string NoSuchSession = "wamp.error.no_such_session";
    /// <summary>Arguments were rejected.</summary>
    public const string InvalidArgument = "wamp.error.invalid_argument";
    /// <summary>A call was canceled, or its callee went away.</summary>
    public const string Canceled = "wamp.error.canceled";
    /// <summary>A call ran past its timeout.</summary>
    public const string Timeout = "wamp.error.timeout";
    /// <summary>A size limit prevented delivery.</summary>
    public const string PayloadSizeExceeded = "wamp.error.payload_size_exceeded";
    /// <summary>The peer broke the protocol; the session is aborted.</summary>
    public const string ProtocolViolation = "wamp.error.protocol_violation";
    /// <summary>The action is not permitted.</summary>
    public const string NotAuthorized = "wamp.error.not_authorized";
    /// <summary>The authorizer itself failed.</summary>
    public const string AuthorizationFailed = "wamp.error.authorization_failed";
    /// <summary>HELLO named a realm the router does not serve.</summary>
    public const string NoSuchRealm = "wamp.error.no_such_realm";
    /// <summary>A configured role does not exist.</summary>
    public const string NoSuchRole = "wamp.error.no_such_role";
    /// <summary>None of the offered authentication methods is available.</summary>
    public const string NoMatchingAuthMethod = "wamp.error.no_matching_auth_method";
    /// <summary>A disclose option was refused by the router.</summary>
    public const string OptionDisallowedDiscloseMe = "wamp.error.option_disallowed.disclose_me";
    /// <summary>An option is not allowed.</summary>
    public const string OptionNotAllowed = "wamp.error.option_not_allowed";
    /// <summary>A feature is not supported by a peer on the path.</summary>
    public const string FeatureNotSupported = "wamp.error.feature_not_supported";
    /// <summary>The callee (or its outbound queue) could not be reached.</summary>
    public const string NetworkFailure = "wamp.error.network_failure";
    /// <summary>No callee is available.</summary>
    public const string NoAvailableCallee = "wamp.error.no_available_callee";
    /// <summary>The router is shutting down.</summary>
    public const string SystemShutdown = "wamp.close.system_shutdown";
    /// <summary>The realm is being closed.</summary>
    public const string CloseRealm = "wamp.close.close_realm";
    /// <summary>The reply to a GOODBYE.</summary>
    public const string GoodbyeAndOut = "wamp.close.goodbye_and_out";
    /// <summary>A normal close (autobahn's default leave reason).</summary>
    public const string CloseNormal = "wamp.close.normal";
    /// <summary>The session was killed through the meta API.</summary>
    public const string Killed = "wamp.close.killed";
}
