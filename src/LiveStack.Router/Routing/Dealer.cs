using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Routing;

/// <summary>
/// The realm's dealer: registrations (exact, prefix, wildcard; shared under an invocation
/// policy), the routing of CALL to INVOCATION and of YIELD/ERROR back to RESULT/ERROR,
/// cancellation, timeouts and progressive results. Every table is guarded by the realm's gate.
/// </summary>
internal sealed class Dealer(Realm realm)
{
    private readonly PatternTables<Registration> _tables = new();
    private readonly Dictionary<long, Registration> _byId = [];
    private readonly Dictionary<(RouterSession Caller, long Request), PendingCall> _byCall = [];
    private readonly Dictionary<(RouterSession Callee, long Request), PendingCall> _byInvocation = [];

    public IEnumerable<Registration> All => _byId.Values;

    public void Register(RouterSession session, RegisterMessage message)
    {
        var match = MatchPolicies.Parse(message.Options.GetString("match"));
        var invoke = InvocationPolicies.Parse(message.Options.GetString("invoke"));
        if (match is not { } matchPolicy || invoke is not { } invokePolicy)
        {
            session.TrySend(Errors.Reply(message, WampErrors.InvalidArgument, "Unknown match or invoke policy."));
            return;
        }

        if (!MatchPolicies.IsValidPattern(message.Procedure, matchPolicy, realm.StrictUris) || WampUri.IsReserved(message.Procedure))
        {
            session.TrySend(Errors.Reply(message, WampErrors.InvalidUri, $"'{message.Procedure}' is not a valid procedure for a client to register."));
            return;
        }

        lock (realm.Gate)
        {
            var table = _tables.For(matchPolicy);
            var created = false;
            if (table.TryGetValue(message.Procedure, out var registration))
            {
                if (registration.Invoke == InvocationPolicy.Single || registration.Invoke != invokePolicy
                    || registration.Callees.Exists(c => c.Session == session))
                {
                    session.TrySend(Errors.Reply(message, WampErrors.ProcedureAlreadyExists, $"'{message.Procedure}' is already registered with policy '{registration.Invoke.ToWire()}'."));
                    return;
                }
            }
            else
            {
                registration = new Registration(realm.NextRouterId(), message.Procedure, matchPolicy, invokePolicy, realm.Now);
                table[message.Procedure] = registration;
                _byId[registration.Id] = registration;
                created = true;
            }

            registration.Callees.Add(new Callee(
                session,
                message.Options.GetBool("disclose_caller") == true,
                message.Options.GetBool("forward_timeout") == true));
            session.RegistrationIds.Add(registration.Id);
            session.TrySend(new RegisteredMessage(message.Request, registration.Id));
            if (created)
            {
                realm.Broker.PublishMeta("wamp.registration.on_create", session.Id, registration.Describe());
            }

            realm.Broker.PublishMeta("wamp.registration.on_register", session.Id, registration.Id);
        }
    }

    /// <summary>
    /// Removes the callee from the registration. Invocations already sent to it stay pending and
    /// its late YIELD or ERROR is still forwarded; no new INVOCATION follows UNREGISTERED.
    /// </summary>
    public void Unregister(RouterSession session, UnregisterMessage message)
    {
        lock (realm.Gate)
        {
            if (!_byId.TryGetValue(message.Registration, out var registration) || !session.RegistrationIds.Contains(registration.Id))
            {
                session.TrySend(Errors.Reply(message, WampErrors.NoSuchRegistration));
                return;
            }

            session.TrySend(new UnregisteredMessage(message.Request));
            RemoveCallee(session, registration);
        }
    }

    /// <summary>Routes a CALL; <paramref name="forceDisclose"/> discloses the caller even if it did not ask (role permission).</summary>
    public void Call(RouterSession caller, CallMessage message, bool forceDisclose = false)
    {
        // We do not announce progressive_call_invocations, and the spec makes a progress:true CALL to
        // such a dealer a protocol error that aborts the session; routing it as an ordinary call would
        // deliver the first chunk alone and then abort on the next one (a reused request id).
        if (message.Options.GetBool("progress") == true)
        {
            throw new WampProtocolException("Progressive call invocations (CALL.Options.progress) are not supported.");
        }

        if (WampUri.IsReserved(message.Procedure))
        {
            lock (realm.Gate)
            {
                caller.TrySend(realm.Meta.Call(caller, message));
            }

            return;
        }

        if (!WampUri.IsValid(message.Procedure, realm.StrictUris))
        {
            caller.TrySend(Errors.Call(message.Request, WampErrors.InvalidUri, $"'{message.Procedure}' is not a valid procedure URI."));
            return;
        }

        lock (realm.Gate)
        {
            var registration = Match(message.Procedure);
            if (registration is null)
            {
                caller.TrySend(Errors.Call(message.Request, WampErrors.NoSuchProcedure, $"No callee registered '{message.Procedure}'."));
                return;
            }

            if (_byCall.ContainsKey((caller, message.Request)))
            {
                throw new WampProtocolException($"CALL request id {message.Request} is already in use.");
            }

            var callee = registration.PickCallee();
            var calleeRoles = callee.Session.Roles;
            var wantsProgress = message.Options.GetBool("receive_progress") == true;
            var details = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (registration.Match != MatchPolicy.Exact)
            {
                details["procedure"] = message.Procedure;
            }

            if (forceDisclose || message.Options.GetBool("disclose_me") == true || callee.DiscloseCaller)
            {
                details["caller"] = caller.Id;
                details["caller_authid"] = caller.AuthId;
                details["caller_authrole"] = caller.AuthRole;
            }

            // Lenient on purpose: autobahn-js callees announce progressive results without
            // call_canceling, and a strict reading would break their streaming.
            if (wantsProgress && calleeRoles?.CalleeSupports(CalleeFeatures.ProgressiveCallResults) == true)
            {
                details["receive_progress"] = true;
            }

            var timeout = message.Options.GetLong("timeout") ?? 0;
            var forwardTimeout = timeout > 0 && callee.ForwardTimeout && calleeRoles?.CalleeSupports(CalleeFeatures.CallTimeout) == true;
            if (forwardTimeout)
            {
                details["timeout"] = timeout;
            }

            var pending = new PendingCall(caller, message.Request, callee.Session, callee.Session.NextInvocationId(), wantsProgress);
            _byCall[(caller, pending.CallRequest)] = pending;
            _byInvocation[(callee.Session, pending.InvocationRequest)] = pending;
            if (timeout > 0 && !forwardTimeout)
            {
                pending.Timeout = TimeSpan.FromMilliseconds(timeout);
                pending.Timer = realm.TimeProvider.CreateTimer(static s => ((PendingCall)s!).Caller.Realm?.Dealer.TimedOut((PendingCall)s!), pending, pending.Timeout, System.Threading.Timeout.InfiniteTimeSpan);
            }

            var invocation = new InvocationMessage(pending.InvocationRequest, registration.Id, details.Count == 0 ? RouterSession.EmptyDetails : details, message.Arguments, message.ArgumentsKeywords);
            if (!callee.Session.TrySend(invocation))
            {
                Forget(pending);
                caller.TrySend(Errors.Call(message.Request, WampErrors.Canceled, "The callee is no longer reachable."));
            }
        }
    }

    public void Yield(RouterSession callee, YieldMessage message)
    {
        lock (realm.Gate)
        {
            // A YIELD for an unknown invocation is normal after a cancel, a timeout or a caller
            // that left, so it is dropped rather than treated as a violation.
            if (!_byInvocation.TryGetValue((callee, message.Request), out var pending))
            {
                return;
            }

            if (message.Options.GetBool("progress") == true)
            {
                if (pending.ReceiveProgress)
                {
                    pending.Timer?.Change(pending.Timeout, System.Threading.Timeout.InfiniteTimeSpan);
                    pending.Caller.TrySend(new ResultMessage(pending.CallRequest, ProgressDetails, message.Arguments, message.ArgumentsKeywords));
                }

                return;
            }

            Forget(pending);
            pending.Caller.TrySend(new ResultMessage(pending.CallRequest, RouterSession.EmptyDetails, message.Arguments, message.ArgumentsKeywords));
        }
    }

    public void InvocationError(RouterSession callee, ErrorMessage message)
    {
        lock (realm.Gate)
        {
            if (!_byInvocation.TryGetValue((callee, message.Request), out var pending))
            {
                return;
            }

            Forget(pending);
            pending.Caller.TrySend(new ErrorMessage(MessageCode.Call, pending.CallRequest, message.Details, message.Error, message.Arguments, message.ArgumentsKeywords));
        }
    }

    public void Cancel(RouterSession caller, CancelMessage message)
    {
        lock (realm.Gate)
        {
            // Canceling a call that already finished (or never existed) is not an error.
            if (!_byCall.TryGetValue((caller, message.Request), out var pending))
            {
                return;
            }

            var mode = message.Options.GetString("mode") switch
            {
                "skip" => "skip",
                "kill" => "kill",
                _ => "killnowait",
            };
            if (!pending.CalleeCanCancel)
            {
                mode = "skip";
            }

            if (mode == "kill")
            {
                // The callee decides: its ERROR (or a RESULT that won the race) goes to the caller.
                pending.Callee.TrySend(new InterruptMessage(pending.InvocationRequest, InterruptOptions("kill", WampErrors.Canceled)));
                return;
            }

            Forget(pending);
            caller.TrySend(Errors.Call(pending.CallRequest, WampErrors.Canceled, "The call was canceled."));
            if (mode == "killnowait")
            {
                pending.Callee.TrySend(new InterruptMessage(pending.InvocationRequest, InterruptOptions("killnowait", WampErrors.Canceled)));
            }
        }
    }

    /// <summary>
    /// Cleans up after a leaving session: its callers get <c>wamp.error.canceled</c> at once,
    /// callees working for it are interrupted (when they can be), and its registrations go.
    /// </summary>
    public void RemoveSession(RouterSession session)
    {
        foreach (var pending in _byCall.Values.Where(p => p.Callee == session || p.Caller == session).ToArray())
        {
            Forget(pending);
            if (pending.Callee == session && pending.Caller != session)
            {
                pending.Caller.TrySend(Errors.Call(pending.CallRequest, WampErrors.Canceled, "The callee left."));
            }
            else if (pending.Callee != session && pending.CalleeCanCancel)
            {
                pending.Callee.TrySend(new InterruptMessage(pending.InvocationRequest, InterruptOptions("killnowait", WampErrors.Canceled)));
            }
        }

        foreach (var id in session.RegistrationIds.ToArray())
        {
            if (_byId.TryGetValue(id, out var registration))
            {
                RemoveCallee(session, registration);
            }
        }
    }

    public Registration? Find(long id) => _byId.GetValueOrDefault(id);

    public Registration? Lookup(string procedure, MatchPolicy match) => _tables.For(match).GetValueOrDefault(procedure);

    public IEnumerable<Registration> WithPolicy(MatchPolicy match) => _tables.For(match).Values;

    /// <summary>
    /// The one registration a CALL goes to: an exact match, else the longest prefix, else the most
    /// specific wildcard (see <see cref="Registration.CompareWildcardSpecificity"/>).
    /// </summary>
    public Registration? Match(string procedure)
    {
        if (_tables.Exact.TryGetValue(procedure, out var exact))
        {
            return exact;
        }

        Registration? best = null;
        foreach (var registration in _tables.Prefix.Values)
        {
            if (registration.Matches(procedure) && (best is null || registration.Uri.Length > best.Uri.Length))
            {
                best = registration;
            }
        }

        if (best is not null)
        {
            return best;
        }

        foreach (var registration in _tables.Wildcard.Values)
        {
            if (registration.Matches(procedure) && (best is null || registration.CompareWildcardSpecificity(best) > 0))
            {
                best = registration;
            }
        }

        return best;
    }

    private void TimedOut(PendingCall pending)
    {
        lock (realm.Gate)
        {
            if (!_byCall.TryGetValue((pending.Caller, pending.CallRequest), out var current) || current != pending)
            {
                return;
            }

            Forget(pending);
            pending.Caller.TrySend(Errors.Call(pending.CallRequest, WampErrors.Timeout, "The call timed out."));
            if (pending.CalleeCanCancel)
            {
                pending.Callee.TrySend(new InterruptMessage(pending.InvocationRequest, InterruptOptions("killnowait", WampErrors.Timeout)));
            }
        }
    }

    private void Forget(PendingCall pending)
    {
        pending.Timer?.Dispose();
        _byCall.Remove((pending.Caller, pending.CallRequest));
        _byInvocation.Remove((pending.Callee, pending.InvocationRequest));
    }

    private void RemoveCallee(RouterSession session, Registration registration)
    {
        registration.RemoveCallee(session);
        session.RegistrationIds.Remove(registration.Id);
        realm.Broker.PublishMeta("wamp.registration.on_unregister", session.Id, registration.Id);
        if (registration.Callees.Count == 0)
        {
            _tables.For(registration.Match).Remove(registration.Uri);
            _byId.Remove(registration.Id);
            realm.Broker.PublishMeta("wamp.registration.on_delete", session.Id, registration.Id);
        }
    }

    private static Dictionary<string, object?> InterruptOptions(string mode, string reason) => new(StringComparer.Ordinal)
    {
        ["mode"] = mode,
        ["reason"] = reason,
    };

    private static readonly IReadOnlyDictionary<string, object?> ProgressDetails =
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["progress"] = true };
}
