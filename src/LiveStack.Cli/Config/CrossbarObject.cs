using System.Text.Json;

namespace LiveStack.Cli.Config;

/// <summary>
/// One object of a Crossbar config, read key by key. It remembers which keys the translation used,
/// so that <see cref="ReportRest"/> can name every other key: nothing in the file is ignored silently.
/// </summary>
internal sealed class CrossbarObject
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CrossbarObject(JsonElement element, string path, ConfigIssues issues)
    {
        _element = element;
        Path = path;
        Issues = issues;
    }

    /// <summary>The object's JSON path, e.g. <c>workers[0].transports[1]</c>.</summary>
    public string Path { get; }

    public ConfigIssues Issues { get; }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _element.TryGetProperty(key, out _);

    /// <summary>Marks <paramref name="key"/> used and returns its value, if present.</summary>
    public JsonElement? Take(string key)
    {
        _used.Add(key);
        return _element.TryGetProperty(key, out var value) ? value : null;
    }

    public string? String(string key)
    {
        var value = Take(key);
        if (value is { ValueKind: JsonValueKind.String } text)
        {
            return text.GetString();
        }

        if (value is not null)
        {
            Issues.Error(PathOf(key), "must be a string.");
        }

        return null;
    }

    public bool Bool(string key)
    {
        var value = Take(key);
        if (value is { ValueKind: JsonValueKind.True or JsonValueKind.False } flag)
        {
            return flag.GetBoolean();
        }

        if (value is not null)
        {
            Issues.Error(PathOf(key), "must be true or false.");
        }

        return false;
    }

    public int? Int(string key)
    {
        var value = Take(key);
        if (value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var result))
        {
            return result;
        }

        if (value is not null)
        {
            Issues.Error(PathOf(key), "must be an integer.");
        }

        return null;
    }

    public CrossbarObject? Object(string key)
    {
        var value = Take(key);
        if (value is { ValueKind: JsonValueKind.Object } element)
        {
            return new CrossbarObject(element, PathOf(key), Issues);
        }

        if (value is not null)
        {
            Issues.Error(PathOf(key), "must be an object.");
        }

        return null;
    }

    /// <summary>The objects of an array, each with its indexed path.</summary>
    public IReadOnlyList<CrossbarObject> Objects(string key)
    {
        var value = Take(key);
        if (value is not { ValueKind: JsonValueKind.Array } array)
        {
            if (value is not null)
            {
                Issues.Error(PathOf(key), "must be an array.");
            }

            return [];
        }

        var items = new List<CrossbarObject>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{PathOf(key)}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(new CrossbarObject(item, path, Issues));
            }
            else
            {
                Issues.Error(path, "must be an object.");
            }
        }

        return items;
    }

    /// <summary>The strings of an array.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var value = Take(key);
        if (value is { ValueKind: JsonValueKind.Array } array && array.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
        {
            return [.. array.EnumerateArray().Select(i => i.GetString()!)];
        }

        if (value is not null)
        {
            Issues.Error(PathOf(key), "must be an array of strings.");
        }

        return [];
    }

    /// <summary>Every entry of this object as a named object (principal maps, web paths); all keys count as used.</summary>
    public IReadOnlyList<(string Name, CrossbarObject Value)> Entries()
    {
        var entries = new List<(string, CrossbarObject)>();
        foreach (var property in _element.EnumerateObject())
        {
            _used.Add(property.Name);
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                entries.Add((property.Name, new CrossbarObject(property.Value, PathOf(property.Name), Issues)));
            }
            else
            {
                Issues.Error(PathOf(property.Name), "must be an object.");
            }
        }

        return entries;
    }

    /// <summary>Reports <paramref name="key"/>, if present, as not supported, saying what that means.</summary>
    public void Unsupported(string key, string consequence)
    {
        if (Take(key) is not null)
        {
            Issues.Warning(PathOf(key), "is not supported: " + consequence);
        }
    }

    /// <summary>Reports every key not used so far as not supported.</summary>
    public void ReportRest()
    {
        foreach (var property in _element.EnumerateObject().Where(p => !_used.Contains(p.Name)))
        {
            Issues.Warning(PathOf(property.Name), "is not supported (ignored).");
        }
    }
}
