using System.Text.Json;
using LiveStack.Client;
using LiveStack.Wamp;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LiveStack.EntityFrameworkCore;

/// <summary>Reads keys, entities and changes out of a call's payload, accepting only exposed fields.</summary>
internal static class EntityPayload
{
    /// <summary>The call's object argument: <c>args[0]</c> when it is an object, else the keyword arguments (minus <paramref name="reserved"/>).</summary>
    public static IReadOnlyDictionary<string, object?> Object(WampInvocation invocation, string reserved)
    {
        if (invocation.Arguments is [IReadOnlyDictionary<string, object?> first, ..])
        {
            return first;
        }

        return invocation.ArgumentsKeywords.ContainsKey(reserved)
            ? invocation.ArgumentsKeywords.Where(p => p.Key != reserved).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : invocation.ArgumentsKeywords;
    }

    /// <summary>A new entity from <paramref name="fields"/>; generated keys are left to the database.</summary>
    public static T NewEntity<T>(LiveEntity entity, IReadOnlyDictionary<string, object?> fields, JsonSerializerOptions json)
        where T : class
    {
        RejectUnknown(entity, fields);
        var accepted = fields.Where(p => !(entity.Key.Any(k => k.Name == p.Key && k.IsGenerated)))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        try
        {
            return WampConvert.FromWamp<T>(accepted, json) ?? throw new WampException(WampErrors.InvalidArgument, $"A {entity.Name} is an object.");
        }
        catch (JsonException e)
        {
            throw new WampException(WampErrors.InvalidArgument, $"Not a valid {entity.Name}: {e.Message}");
        }
    }

    /// <summary>The key of a get: <c>args[0]</c> (a value, or an object for a composite key), or the key fields among the keyword arguments.</summary>
    public static object?[] Key(WampInvocation invocation, LiveEntity entity, JsonSerializerOptions json)
    {
        if (invocation.Arguments.Count > 0)
        {
            return KeyFrom(invocation.Arguments[0], entity, json);
        }

        return KeyFrom(invocation.ArgumentsKeywords, entity, json);
    }

    /// <summary>
    /// The key and the changes of an update or delete: <c>[key, changes]</c>, <c>[object with the key fields]</c>,
    /// or keyword arguments holding the key fields and the changes.
    /// </summary>
    public static (object?[] Key, IReadOnlyDictionary<string, object?> Changes) KeyAndChanges(WampInvocation invocation, LiveEntity entity, JsonSerializerOptions json, string reserved)
    {
        switch (invocation.Arguments)
        {
            case [var key, IReadOnlyDictionary<string, object?> changes, ..]:
                return (KeyFrom(key, entity, json), changes);
            case [IReadOnlyDictionary<string, object?> whole] when entity.Key.All(k => whole.ContainsKey(k.Name)):
                return (KeyFrom(whole, entity, json), Without(whole, entity));
            case [var key]:
                return (KeyFrom(key, entity, json), Object(invocation, reserved));
            default:
                var keywords = Object(invocation, reserved);
                return (KeyFrom(keywords, entity, json), Without(keywords, entity));
        }
    }

    /// <summary>Applies the changed fields to a tracked row; the concurrency token, when given, is what the row must still hold.</summary>
    public static void Apply(EntityEntry entry, LiveEntity entity, IReadOnlyDictionary<string, object?> changes, JsonSerializerOptions json)
    {
        RejectUnknown(entity, changes);
        ExpectToken(entry, entity, changes, json);
        foreach (var (name, value) in changes)
        {
            var field = entity.Fields.First(f => f.Name == name);
            if (entity.Key.Contains(field) || field == entity.ConcurrencyToken)
            {
                continue;
            }

            if (field.Set is null)
            {
                throw new WampException(WampErrors.InvalidArgument, $"Field '{name}' of {entity.Name} cannot be set.");
            }

            field.Set(entry.Entity, Convert(value, field, entity, json));
        }

        BumpToken(entry, entity);
    }

    /// <summary>When the caller sent the concurrency token, the save only succeeds if the row still holds that value.</summary>
    public static void ExpectToken(EntityEntry entry, LiveEntity entity, IReadOnlyDictionary<string, object?> changes, JsonSerializerOptions json)
    {
        if (entity.ConcurrencyToken is { } token && changes.TryGetValue(token.Name, out var expected))
        {
            entry.Property(token.Property.Name).OriginalValue = Convert(expected, token, entity, json);
        }
    }

    // A numeric or Guid token the database does not generate is advanced by us, so every update changes it.
    private static void BumpToken(EntityEntry entry, LiveEntity entity)
    {
        if (entity.ConcurrencyToken is not { IsGenerated: false } token || token.Property.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
        {
            return;
        }

        var property = entry.Property(token.Property.Name);
        property.CurrentValue = property.CurrentValue switch
        {
            int i => i + 1,
            long l => l + 1,
            Guid => Guid.NewGuid(),
            var other => other,
        };
    }

    private static object?[] KeyFrom(object? value, LiveEntity entity, JsonSerializerOptions json)
    {
        if (value is IReadOnlyDictionary<string, object?> fields)
        {
            return [.. entity.Key.Select(k => fields.TryGetValue(k.Name, out var part)
                ? Convert(part, k, entity, json)
                : throw new WampException(WampErrors.InvalidArgument, $"The key of {entity.Name} needs field '{k.Name}'."))];
        }

        return entity.Key.Count == 1
            ? [Convert(value, entity.Key[0], entity, json)]
            : throw new WampException(WampErrors.InvalidArgument, $"The key of {entity.Name} is an object with {string.Join(", ", entity.Key.Select(k => k.Name))}.");
    }

    private static object? Convert(object? value, LiveField field, LiveEntity entity, JsonSerializerOptions json)
    {
        try
        {
            return WampConvert.FromWamp(value, field.ClrProperty.PropertyType, json);
        }
        catch (JsonException e)
        {
            throw new WampException(WampErrors.InvalidArgument, $"Field '{field.Name}' of {entity.Name}: {e.Message}");
        }
    }

    private static void RejectUnknown(LiveEntity entity, IReadOnlyDictionary<string, object?> fields)
    {
        var unknown = fields.Keys.Where(name => entity.Fields.All(f => f.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new WampException(WampErrors.InvalidArgument, $"{entity.Name} has no field {string.Join(", ", unknown.Select(u => $"'{u}'"))}.");
        }
    }

    private static Dictionary<string, object?> Without(IReadOnlyDictionary<string, object?> fields, LiveEntity entity) =>
        fields.Where(p => entity.Key.All(k => k.Name != p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
