using LiveStack.Router.Sessions;

namespace LiveStack.Router.Routing;

/// <summary>
/// Decides which subscribers receive a publication: publisher exclusion plus the
/// <c>exclude</c>/<c>eligible</c> lists by session id, authid and authrole. Every list that is
/// present must agree (the lists combine with AND); an empty <c>eligible</c> list admits nobody.
/// </summary>
internal sealed class PublicationFilter
{
    public static readonly PublicationFilter Everyone = new(null, null, null, null, null, null, null);

    private readonly long? _excludedPublisher;
    private readonly HashSet<long>? _exclude;
    private readonly HashSet<long>? _eligible;
    private readonly HashSet<string>? _excludeAuthId;
    private readonly HashSet<string>? _eligibleAuthId;
    private readonly HashSet<string>? _excludeAuthRole;
    private readonly HashSet<string>? _eligibleAuthRole;

    private PublicationFilter(
        long? excludedPublisher,
        HashSet<long>? exclude,
        HashSet<long>? eligible,
        HashSet<string>? excludeAuthId,
        HashSet<string>? eligibleAuthId,
        HashSet<string>? excludeAuthRole,
        HashSet<string>? eligibleAuthRole)
    {
        _excludedPublisher = excludedPublisher;
        _exclude = exclude;
        _eligible = eligible;
        _excludeAuthId = excludeAuthId;
        _eligibleAuthId = eligibleAuthId;
        _excludeAuthRole = excludeAuthRole;
        _eligibleAuthRole = eligibleAuthRole;
    }

    /// <summary>True when the filter passes everyone (the fast path of a fan-out).</summary>
    public bool IsEveryone => this == Everyone;

    /// <summary>Builds the filter for a PUBLISH from its options.</summary>
    public static PublicationFilter FromOptions(IReadOnlyDictionary<string, object?> options, long publisherSession)
    {
        var excludeMe = options.GetBool("exclude_me") ?? true;
        var filter = new PublicationFilter(
            excludeMe ? publisherSession : null,
            options.GetLongSet("exclude"),
            options.GetLongSet("eligible"),
            options.GetStringSet("exclude_authid"),
            options.GetStringSet("eligible_authid"),
            options.GetStringSet("exclude_authrole"),
            options.GetStringSet("eligible_authrole"));
        return filter.IsTrivial ? Everyone : filter;
    }

    /// <summary>The same lists without publisher exclusion (retained events go to their publisher too).</summary>
    public PublicationFilter WithoutPublisherExclusion() =>
        _excludedPublisher is null
            ? this
            : new PublicationFilter(null, _exclude, _eligible, _excludeAuthId, _eligibleAuthId, _excludeAuthRole, _eligibleAuthRole);

    public bool Allows(RouterSession session)
    {
        if (IsEveryone)
        {
            return true;
        }

        var id = session.Id;
        return id != _excludedPublisher
            && (_exclude is null || !_exclude.Contains(id))
            && (_eligible is null || _eligible.Contains(id))
            && (_excludeAuthId is null || session.AuthId is null || !_excludeAuthId.Contains(session.AuthId))
            && (_eligibleAuthId is null || (session.AuthId is not null && _eligibleAuthId.Contains(session.AuthId)))
            && (_excludeAuthRole is null || session.AuthRole is null || !_excludeAuthRole.Contains(session.AuthRole))
            && (_eligibleAuthRole is null || (session.AuthRole is not null && _eligibleAuthRole.Contains(session.AuthRole)));
    }

    private bool IsTrivial =>
        _excludedPublisher is null && _exclude is null && _eligible is null && _excludeAuthId is null
        && _eligibleAuthId is null && _excludeAuthRole is null && _eligibleAuthRole is null;
}
