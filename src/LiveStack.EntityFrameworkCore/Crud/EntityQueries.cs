using LiveStack.Client;
using LiveStack.EntityFrameworkCore.Queries;
using LiveStack.Wamp;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Turns a list or live-query request into an EF query over the rows the user may read: a named
/// query (<c>{query, params}</c>) or a client query (<c>{where, orderBy, skip, take}</c>).
/// </summary>
internal static class EntityQueries
{
    public static IQueryable<T> Build<T>(LiveEntity<T> entity, IReadOnlyDictionary<string, object?> request, LiveUser user, IServiceProvider services, LiveDataOptions options, IQueryable<T> source)
        where T : class
    {
        var readable = entity.Readable(source, user);
        if (request.TryGetValue("query", out var name))
        {
            return Named(entity, name as string, request, user, readable).Take(options.MaxPageSize);
        }

        return Parse(entity, request, options).Apply(readable);
    }

    public static EntityQuery<T> Parse<T>(LiveEntity<T> entity, IReadOnlyDictionary<string, object?> request, LiveDataOptions options)
        where T : class
    {
        var unknown = request.Keys.Where(k => k is not ("where" or "orderBy" or "skip" or "take" or "limit")).ToList();
        if (unknown.Count > 0)
        {
            throw new WampException(WampErrors.InvalidArgument, $"A query of {entity.Name} has no option {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use where, orderBy, skip, take (or query and params).");
        }

        if (request.GetValueOrDefault("where") is not (null or IReadOnlyDictionary<string, object?>))
        {
            throw new WampException(WampErrors.InvalidArgument, $"where: a query of {entity.Name} filters with an object of fields and operators.");
        }

        return QueryParser.Parse<T>(
            entity.QueryFields,
            request.GetValueOrDefault("where") as IReadOnlyDictionary<string, object?>,
            request.GetValueOrDefault("orderBy"),
            AsLong(request.GetValueOrDefault("skip")),
            AsLong(request.GetValueOrDefault("take") ?? request.GetValueOrDefault("limit")),
            options.MaxPageSize,
            entity.Json);
    }

    private static IQueryable<T> Named<T>(LiveEntity<T> entity, string? name, IReadOnlyDictionary<string, object?> request, LiveUser user, IQueryable<T> readable)
        where T : class
    {
        if (name is null || !entity.NamedQueries.TryGetValue(name, out var query))
        {
            throw new WampException(WampErrors.InvalidArgument, $"{entity.Name} has no query '{name}'; defined: {string.Join(", ", entity.NamedQueries.Keys)}.");
        }

        var parameters = request.GetValueOrDefault("params") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var method = query.Parameters;
        var arguments = new object?[method.Length];
        arguments[0] = readable;
        for (var i = 1; i < method.Length; i++)
        {
            var parameter = method[i];
            arguments[i] = parameter.ParameterType == typeof(LiveUser) ? user
                : parameters.TryGetValue(parameter.Name!, out var value) ? Convert(value, parameter.ParameterType, name, parameter.Name!)
                : parameter.HasDefaultValue ? parameter.DefaultValue
                : throw new WampException(WampErrors.InvalidArgument, $"Query '{name}' of {entity.Name} needs parameter '{parameter.Name}'.");
        }

        return query.Invoke(arguments);
    }

    private static object? Convert(object? value, Type type, string query, string parameter)
    {
        try
        {
            return WampConvert.FromWamp(value, type);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new WampException(WampErrors.InvalidArgument, $"Parameter '{parameter}' of query '{query}': {e.Message}");
        }
    }

    private static long? AsLong(object? value) => value switch
    {
        null => null,
        long l => l,
        double d when d == Math.Floor(d) => (long)d,
        _ => throw new WampException(WampErrors.InvalidArgument, "skip and take are whole numbers."),
    };
}
