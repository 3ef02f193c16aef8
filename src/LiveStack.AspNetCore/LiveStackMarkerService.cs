namespace LiveStack.AspNetCore;

/// <summary>Registered by <c>AddLiveStack</c>, so <c>MapLiveStack</c> can tell a missing call apart.</summary>
internal sealed class LiveStackMarkerService;
