using System.Text.Json;
using LiveStack.AspNetCore;
using Microsoft.Extensions.Configuration;

namespace LiveStack.Cli.Config;

/// <summary>
/// Reads a config file in LiveStack's own format: the <c>LiveStack</c> section of appsettings.json,
/// either bare (<c>{ "Realms": … }</c>) or wrapped (<c>{ "LiveStack": { "Realms": … } }</c>), plus the
/// <c>Serve</c> listener settings.
/// </summary>
internal static class LiveStackConfigReader
{
    private const string SchemaKey = "$schema";

    public static IReadOnlyDictionary<string, string?> Read(JsonElement root, ConfigIssues issues)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var wrapped = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, LiveStackOptions.SectionName, StringComparison.OrdinalIgnoreCase));
        if (wrapped.Value.ValueKind == JsonValueKind.Undefined)
        {
            FlattenObject(root, LiveStackOptions.SectionName, settings);
        }
        else if (wrapped.Value.ValueKind != JsonValueKind.Object)
        {
            issues.Error(wrapped.Name, "must be an object.");
            return settings;
        }
        else
        {
            foreach (var other in root.EnumerateObject().Where(p => p.Name != wrapped.Name && p.Name != SchemaKey))
            {
                issues.Warning(other.Name, $"is ignored: livestack serve reads only the {LiveStackOptions.SectionName} section.");
            }

            FlattenObject(wrapped.Value, LiveStackOptions.SectionName, settings);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        SettingsSchema.Check(configuration.GetSection(LiveStackOptions.SectionName), issues);
        return settings;
    }

    private static void FlattenObject(JsonElement element, string key, Dictionary<string, string?> settings)
    {
        foreach (var property in element.EnumerateObject().Where(p => p.Name != SchemaKey))
        {
            Flatten(property.Value, ConfigurationPath.Combine(key, property.Name), settings);
        }
    }

    // The same key layout as the JSON configuration provider: objects nest with ':', arrays by index.
    private static void Flatten(JsonElement element, string key, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, ConfigurationPath.Combine(key, property.Name), settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, ConfigurationPath.Combine(key, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture)), settings);
                }

                break;
            case JsonValueKind.String:
                settings[key] = element.GetString();
                break;
            case JsonValueKind.Null:
                settings[key] = null;
                break;
            default:
                settings[key] = element.GetRawText();
                break;
        }
    }
}
