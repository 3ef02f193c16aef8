using LiveStack.Router.Routing;
using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Meta;

/// <summary>
/// The router's own procedures in the reserved <c>wamp.</c> namespace: the session,
/// subscription, registration and testament meta APIs. Calls run under the realm's gate.
/// </summary>
internal sealed partial class MetaApi
{
    private readonly Realm _realm;
    private readonly Dictionary<string, Func<RouterSession, CallMessage, object?>> _procedures;

    public MetaApi(Realm realm)
    {
        _realm = realm;
        _procedures = new(StringComparer.Ordinal)
        {
            ["wamp.session.count"] = (_, call) => SessionsWithRoles(call).Count(),
            ["wamp.session.list"] = (_, call) => SessionsWithRoles(call).Select(s => (object?)s.Id).ToList(),
            ["wamp.session.get"] = (_, call) => RequireSession(call.Arguments.ArgAt(0)).DescribeForMeta(),
            ["wamp.session.kill"] = KillSession,
            ["wamp.session.kill_by_authid"] = KillByAuthId,
            ["wamp.session.kill_by_authrole"] = KillByAuthRole,
            ["wamp.session.kill_all"] = KillAll,
            ["wamp.session.add_testament"] = AddTestament,
            ["wamp.session.flush_testaments"] = FlushTestaments,
            ["wamp.subscription.list"] = (_, _) => ListByPolicy(p => realm.Broker.WithPolicy(p).Select(s => s.Id)),
            ["wamp.subscription.lookup"] = (_, call) => realm.Broker.Lookup(RequireUri(call), MatchOption(call))?.Id,
            ["wamp.subscription.match"] = (_, call) => NullIfEmpty(realm.Broker.Matching(RequireUri(call)).Select(s => (object?)s.Id).ToList()),
            ["wamp.subscription.get"] = (_, call) => RequireSubscription(call).Describe(),
            ["wamp.subscription.list_subscribers"] = (_, call) => RequireSubscription(call).Subscribers.Select(s => (object?)s.Id).ToList(),
            ["wamp.subscription.count_subscribers"] = (_, call) => (long)RequireSubscription(call).Subscribers.Length,
            ["wamp.registration.list"] = (_, _) => ListByPolicy(p => realm.Dealer.WithPolicy(p).Select(r => r.Id)),
            ["wamp.registration.lookup"] = (_, call) => realm.Dealer.Lookup(RequireUri(call), MatchOption(call))?.Id,
            ["wamp.registration.match"] = (_, call) => realm.Dealer.Match(RequireUri(call))?.Id,
            ["wamp.registration.get"] = (_, call) => RequireRegistration(call).Describe(),
            ["wamp.registration.list_callees"] = (_, call) => RequireRegistration(call).Callees.Select(c => (object?)c.Session.Id).ToList(),
            ["wamp.registration.count_callees"] = (_, call) => (long)RequireRegistration(call).Callees.Count,
        };
    }

    /// <summary>Runs a meta procedure and returns the RESULT or ERROR for the caller.</summary>
    public WampMessage Call(RouterSession caller, CallMessage call)
    {
        if (!_procedures.TryGetValue(call.Procedure, out var procedure))
        {
            return Error(call, WampErrors.NoSuchProcedure, $"No meta procedure '{call.Procedure}'.");
        }

        try
        {
            var result = procedure(caller, call);
            return new ResultMessage(call.Request, RouterSession.EmptyDetails, [result]);
        }
        catch (MetaCallException e)
        {
            return Error(call, e.Error, e.Message);
        }
    }

    private IEnumerable<RouterSession> SessionsWithRoles(CallMessage call)
    {
        if (call.Arguments.ArgAt(0) is not IReadOnlyList<object?> roles)
        {
            return _realm.Sessions;
        }

        return _realm.Sessions.Where(s => roles.Contains(s.AuthRole));
    }

    private RouterSession RequireSession(object? id) =>
        WampDictExtensions.AsInteger(id) is { } sessionId && _realm.FindSession(sessionId) is { } session
            ? session
            : throw new MetaCallException(WampErrors.NoSuchSession, "No such session.");

    private object? KillSession(RouterSession caller, CallMessage call)
    {
        var target = RequireSession(call.Arguments.ArgAt(0));
        if (target == caller)
        {
            // The spec: a session cannot kill itself through the meta API (it can leave).
            throw new MetaCallException(WampErrors.NoSuchSession, "A session cannot kill itself.");
        }

        var (reason, message) = KillReason(call);
        target.Close(reason, message);
        return null;
    }

    private object? KillByAuthId(RouterSession caller, CallMessage call)
    {
        var authId = call.Arguments.ArgAt(0) as string ?? throw new MetaCallException(WampErrors.InvalidArgument, "authid must be a string.");
        var (reason, message) = KillReason(call);
        return KillWhere(caller, s => s.AuthId == authId, reason, message).Select(id => (object?)id).ToList();
    }

    private object? KillByAuthRole(RouterSession caller, CallMessage call)
    {
        var authRole = call.Arguments.ArgAt(0) as string ?? throw new MetaCallException(WampErrors.InvalidArgument, "authrole must be a string.");
        var (reason, message) = KillReason(call);
        return (long)KillWhere(caller, s => s.AuthRole == authRole, reason, message).Count;
    }

    private object? KillAll(RouterSession caller, CallMessage call)
    {
        var (reason, message) = KillReason(call);
        return (long)KillWhere(caller, _ => true, reason, message).Count;
    }

    private List<long> KillWhere(RouterSession caller, Func<RouterSession, bool> predicate, string reason, string? message)
    {
        var victims = _realm.Sessions.Where(s => s != caller && predicate(s)).ToList();
        foreach (var victim in victims)
        {
            victim.Close(reason, message);
        }

        return victims.ConvertAll(v => v.Id);
    }

    private static (string Reason, string? Message) KillReason(CallMessage call)
    {
        var keywords = call.ArgumentsKeywords;
        var reason = keywords?.GetString("reason") ?? WampErrors.Killed;
        if (!WampUri.IsValid(reason))
        {
            throw new MetaCallException(WampErrors.InvalidUri, $"'{reason}' is not a valid reason URI.");
        }

        return (reason, keywords?.GetString("message"));
    }

    private object? AddTestament(RouterSession caller, CallMessage call)
    {
        var topic = call.Arguments.ArgAt(0) as string;
        if (topic is null || !WampUri.IsValid(topic))
        {
            throw new MetaCallException(WampErrors.InvalidUri, "The testament topic is not a valid URI.");
        }

        var scope = Scope(call);
        caller.Testaments.Add(new Testament(
            topic,
            call.Arguments.ArgAt(1) as IReadOnlyList<object?>,
            call.Arguments.ArgAt(2) as IReadOnlyDictionary<string, object?>,
            call.ArgumentsKeywords?.GetDict("publish_options") ?? RouterSession.EmptyDetails,
            scope));
        return null;
    }

    private static object? FlushTestaments(RouterSession caller, CallMessage call)
    {
        var scope = Scope(call);
        return (long)caller.Testaments.RemoveAll(t => t.Scope == scope);
    }

    private static string Scope(CallMessage call) => call.ArgumentsKeywords?.GetString("scope") switch
    {
        null or "destroyed" => "destroyed",
        "detached" => "detached",
        _ => throw new MetaCallException(WampErrors.InvalidArgument, "scope must be 'destroyed' or 'detached'."),
    };

    private static string RequireUri(CallMessage call) =>
        call.Arguments.ArgAt(0) as string ?? throw new MetaCallException(WampErrors.InvalidArgument, "The first argument must be a URI.");

    private static MatchPolicy MatchOption(CallMessage call) =>
        MatchPolicies.Parse((call.Arguments.ArgAt(1) as IReadOnlyDictionary<string, object?>)?.GetString("match"))
        ?? throw new MetaCallException(WampErrors.InvalidArgument, "Unknown match policy.");

    private Subscription RequireSubscription(CallMessage call) =>
        WampDictExtensions.AsInteger(call.Arguments.ArgAt(0)) is { } id && _realm.Broker.Find(id) is { } subscription
            ? subscription
            : throw new MetaCallException(WampErrors.NoSuchSubscription, "No such subscription.");

    private Registration RequireRegistration(CallMessage call) =>
        WampDictExtensions.AsInteger(call.Arguments.ArgAt(0)) is { } id && _realm.Dealer.Find(id) is { } registration
            ? registration
            : throw new MetaCallException(WampErrors.NoSuchRegistration, "No such registration.");

    private static Dictionary<string, object?> ListByPolicy(Func<MatchPolicy, IEnumerable<long>> ids) => new(StringComparer.Ordinal)
    {
        ["exact"] = ids(MatchPolicy.Exact).Select(id => (object?)id).ToList(),
        ["prefix"] = ids(MatchPolicy.Prefix).Select(id => (object?)id).ToList(),
        ["wildcard"] = ids(MatchPolicy.Wildcard).Select(id => (object?)id).ToList(),
    };

    private static List<object?>? NullIfEmpty(List<object?> list) => list.Count == 0 ? null : list;

    private static ErrorMessage Error(CallMessage call, string error, string message) =>
        new(MessageCode.Call, call.Request, RouterSession.EmptyDetails, error, [message]);
}
