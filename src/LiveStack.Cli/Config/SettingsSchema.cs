using System.ComponentModel;
using System.Reflection;
using LiveStack.AspNetCore;
using Microsoft.Extensions.Configuration;

namespace LiveStack.Cli.Config;

/// <summary>
/// Finds keys of a <c>LiveStack</c> section that bind to nothing. The configuration binder skips
/// them silently, so a typo such as <c>Realm</c> for <c>Realms</c> would quietly serve an open
/// <c>realm1</c> instead of the configured, secured realm.
/// </summary>
internal static class SettingsSchema
{
    /// <summary>Reports every key under <paramref name="section"/> that is no setting of <see cref="LiveStackOptions"/> or <see cref="ServeListenerOptions"/>.</summary>
    public static void Check(IConfigurationSection section, ConfigIssues issues)
    {
        foreach (var child in section.GetChildren())
        {
            if (string.Equals(child.Key, ServeListenerOptions.SectionName, StringComparison.OrdinalIgnoreCase))
            {
                CheckObject(child, typeof(ServeListenerOptions), issues);
            }
            else
            {
                CheckProperty(child, typeof(LiveStackOptions), issues);
            }
        }
    }

    private static void CheckObject(IConfigurationSection section, Type type, ConfigIssues issues)
    {
        foreach (var child in section.GetChildren())
        {
            CheckProperty(child, type, issues);
        }
    }

    private static void CheckProperty(IConfigurationSection section, Type owner, ConfigIssues issues)
    {
        var property = owner.GetProperty(section.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || !IsBindable(property))
        {
            issues.Error(section.Path, $"is not a setting of {owner.Name}.");
            return;
        }

        CheckValue(section, property.PropertyType, issues);
    }

    private static void CheckValue(IConfigurationSection section, Type type, ConfigIssues issues)
    {
        if (IsScalar(type))
        {
            // A malformed value is the binder's to report; it names the key too.
            return;
        }

        if (ElementType(type) is { } element)
        {
            foreach (var item in section.GetChildren())
            {
                CheckValue(item, element, issues);
            }

            return;
        }

        CheckObject(section, type, issues);
    }

    // Collections and nested options are filled in place, so a getter suffices; delegates cannot come from a file.
    private static bool IsBindable(PropertyInfo property) =>
        property.GetMethod is { IsPublic: true }
        && !typeof(Delegate).IsAssignableFrom(property.PropertyType)
        && (property.SetMethod is { IsPublic: true } || !IsScalar(property.PropertyType));

    // The binder's own rule: a type that converts from a string is a single value.
    private static bool IsScalar(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static Type? ElementType(Type type)
    {
        var interfaces = type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
        var dictionary = Array.Find(interfaces, i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        var sequence = Array.Find(interfaces, i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return sequence?.GetGenericArguments()[0];
    }
}
