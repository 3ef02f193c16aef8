using System.Text.Json;
using LiveStack.Conformance.Matching;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Scripts;

/// <summary>Reads conformance scripts (the format is described in scripts/README.md).</summary>
public static class ScriptLoader
{
    /// <summary>The client roles a session announces when the script names none.</summary>
    private static readonly string[] DefaultRoles = ["publisher", "subscriber", "caller", "callee"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Upstream's multi-session vector keys are accepted so its files parse; unknown keys are typos.
    private static readonly string[] ScriptKeys = ["description", "feature", "spec_reference", "serializers", "sessions", "sequence", "expected_outcome", "notes"];
    private static readonly string[] SessionKeys = ["session_id", "roles", "realm", "features", "join"];
    private static readonly string[] StepKeys = ["step", "description", "from", "to", "message", "unordered", "nothing_within_ms", "closed", "raw_text", "raw_hex", "action", "timing", "assertion", "notes"];

    /// <summary>Loads every <c>*.json</c> file below <paramref name="directory"/>, ordered by name.</summary>
    /// <exception cref="ScriptFormatException">A file is not a valid script.</exception>
    public static IReadOnlyList<ConformanceScript> LoadDirectory(string directory)
    {
        return Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Parse(NameOf(directory, path), File.ReadAllText(path)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Parses one script.</summary>
    /// <param name="name">The name reports use, e.g. <c>pubsub/exclude_me_false</c>.</param>
    /// <param name="json">The script text.</param>
    /// <exception cref="ScriptFormatException">The text is not a valid script.</exception>
    public static ConformanceScript Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(name, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ScriptFormatException($"{name}: not valid JSON: {e.Message}", e);
        }
        catch (ScriptFormatException e)
        {
            throw new ScriptFormatException($"{name}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // JsonElement's typed getters throw these for a value of the wrong kind (e.g. "join": "yes").
            throw new ScriptFormatException($"{name}: a value has the wrong type: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new ScriptFormatException($"{name}: a dictionary has the same key twice: {e.Message}", e);
        }
    }

    private static string NameOf(string directory, string path) =>
        Path.ChangeExtension(Path.GetRelativePath(directory, path), null).Replace(Path.DirectorySeparatorChar, '/');

    private static ConformanceScript Read(string name, JsonElement root)
    {
        RequireObject(root, "the script", ScriptKeys);
        var sessions = Items(root, "sessions").Select(ReadSession).ToList();
        if (sessions.Count == 0)
        {
            throw new ScriptFormatException("\"sessions\" must list at least one session.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (!names.Add(session.Name) || session.Name == "router")
            {
                throw new ScriptFormatException($"session_id \"{session.Name}\" is used twice or reserved.");
            }
        }

        var steps = Items(root, "sequence").Select((e, i) => ReadStep(e, i + 1, names)).ToList();
        if (steps.Count == 0)
        {
            throw new ScriptFormatException("\"sequence\" must have at least one step.");
        }

        return new ConformanceScript(
            name,
            OptionalString(root, "description") ?? name,
            OptionalString(root, "feature"),
            ReadNotes(root),
            root.TryGetProperty("serializers", out var serializers) ? serializers.EnumerateArray().Select(ReadSerializer).ToList() : null,
            sessions,
            steps);
    }

    private static ScriptSession ReadSession(JsonElement element)
    {
        RequireObject(element, "a session", SessionKeys);
        var name = RequiredString(element, "session_id");
        var roles = element.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : DefaultRoles.ToList();
        var features = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (element.TryGetProperty("features", out var f))
        {
            foreach (var feature in f.EnumerateObject())
            {
                features[feature.Name] = feature.Value.GetBoolean();
            }
        }

        var join = !element.TryGetProperty("join", out var j) || j.GetBoolean();
        return new ScriptSession(name, roles, features, OptionalString(element, "realm"), join);
    }

    private static ScriptStep ReadStep(JsonElement element, int index, HashSet<string> sessions)
    {
        RequireObject(element, $"step {index}", StepKeys);
        var from = RequiredString(element, "from");
        var to = RequiredString(element, "to");
        var description = OptionalString(element, "description");
        var (delay, timeout) = ReadTiming(element);
        var incoming = from == "router";
        var session = incoming ? to : from;
        if ((incoming ? from : to) != "router" || !sessions.Contains(session))
        {
            throw new ScriptFormatException($"step {index}: one of from/to must be \"router\" and the other a session_id (got {from} → {to}).");
        }

        var step = new ScriptStep(index, StepKind.Send, session, description)
        {
            Delay = delay,
            Timeout = timeout,
            Assertion = OptionalString(element, "assertion"),
        };
        return incoming ? ReadIncoming(element, step) : ReadOutgoing(element, step);
    }

    private static ScriptStep ReadOutgoing(JsonElement element, ScriptStep step)
    {
        Forbid(element, step, "from a session", "unordered", "nothing_within_ms", "closed");
        var what = Only(element, step, "message", "raw_text", "raw_hex", "action");
        var value = element.GetProperty(what);
        return what switch
        {
            "message" => step with { Kind = StepKind.Send, Frame = Frame(value, step, "message") },
            "raw_text" => step with { Kind = StepKind.SendRaw, Raw = System.Text.Encoding.UTF8.GetBytes(value.GetString()!) },
            "raw_hex" => step with { Kind = StepKind.SendRaw, Raw = Convert.FromHexString(value.GetString()!) },
            _ => value.GetString() switch
            {
                "join" => step with { Kind = StepKind.Join },
                "disconnect" => step with { Kind = StepKind.Disconnect },
                var other => throw new ScriptFormatException($"step {step.Index}: unknown action \"{other}\" (join or disconnect)."),
            },
        };
    }

    private static ScriptStep ReadIncoming(JsonElement element, ScriptStep step)
    {
        Forbid(element, step, "from the router", "raw_text", "raw_hex", "action");
        var closed = element.TryGetProperty("closed", out var c) && c.GetBoolean();
        if (element.TryGetProperty("nothing_within_ms", out var quiet))
        {
            Only(element, step, "nothing_within_ms", "message", "unordered");
            if (closed)
            {
                throw new ScriptFormatException($"step {step.Index}: nothing_within_ms cannot be combined with closed.");
            }

            return step with { Kind = StepKind.ReceiveNothing, QuietPeriod = TimeSpan.FromMilliseconds(quiet.GetInt32()) };
        }

        IReadOnlyList<object?> patterns = [];
        if (element.TryGetProperty("message", out var message))
        {
            Only(element, step, "message", "unordered");
            patterns = [Frame(message, step, "message")];
        }
        else if (element.TryGetProperty("unordered", out var unordered))
        {
            patterns = unordered.EnumerateArray().Select(e => (object?)Frame(e, step, "unordered")).ToList();
        }
        else if (!closed)
        {
            throw new ScriptFormatException($"step {step.Index}: a step from the router needs message, unordered, nothing_within_ms or closed.");
        }

        return step with { Kind = StepKind.Receive, Patterns = patterns, ExpectClosed = closed };
    }

    private static IReadOnlyList<object?> Frame(JsonElement element, ScriptStep step, string key)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new ScriptFormatException($"step {step.Index}: {key} must be a non-empty WAMP message array, e.g. [32, 1, {{}}, \"com.example.topic\"].");
        }

        var frame = (IReadOnlyList<object?>)JsonTree.FromElement(element)!;
        if (PatternChecker.Problem(frame) is { } problem)
        {
            throw new ScriptFormatException($"step {step.Index}: {problem}");
        }

        return frame;
    }

    private static (TimeSpan Delay, TimeSpan? Timeout) ReadTiming(JsonElement element)
    {
        if (!element.TryGetProperty("timing", out var timing))
        {
            return (TimeSpan.Zero, null);
        }

        var delay = timing.TryGetProperty("delay_ms", out var d) ? TimeSpan.FromMilliseconds(d.GetInt32()) : TimeSpan.Zero;
        TimeSpan? timeout = timing.TryGetProperty("timeout_ms", out var t) ? TimeSpan.FromMilliseconds(t.GetInt32()) : null;
        return (delay, timeout);
    }

    private static WampSerializer ReadSerializer(JsonElement element) => element.GetString() switch
    {
        "json" => WampSerializer.Json,
        "msgpack" => WampSerializer.MessagePack,
        "cbor" => WampSerializer.Cbor,
        var other => throw new ScriptFormatException($"unknown serializer \"{other}\" (json, msgpack or cbor)."),
    };

    private static List<string> ReadNotes(JsonElement root)
    {
        if (!root.TryGetProperty("notes", out var notes))
        {
            return [];
        }

        return notes.ValueKind == JsonValueKind.Array ? notes.EnumerateArray().Select(n => n.GetString()!).ToList() : [notes.GetString()!];
    }

    /// <summary>Checks that exactly one of <paramref name="keys"/> is present and returns it.</summary>
    private static string Only(JsonElement element, ScriptStep step, params string[] keys)
    {
        var present = keys.Where(k => element.TryGetProperty(k, out _)).ToList();
        return present.Count == 1
            ? present[0]
            : throw new ScriptFormatException($"step {step.Index}: use exactly one of {string.Join(", ", keys)} (found {(present.Count == 0 ? "none" : string.Join(", ", present))}).");
    }

    private static void Forbid(JsonElement element, ScriptStep step, string direction, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out _))
            {
                throw new ScriptFormatException($"step {step.Index}: \"{key}\" does not fit a step {direction}.");
            }
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new ScriptFormatException($"\"{key}\" must be an array.");

    private static void RequireObject(JsonElement element, string what, string[] allowedKeys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatException($"{what} must be a JSON object.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowedKeys, property.Name) < 0)
            {
                throw new ScriptFormatException($"{what} has an unknown key \"{property.Name}\" (allowed: {string.Join(", ", allowedKeys)}).");
            }
        }
    }

    private static string RequiredString(JsonElement element, string key) =>
        OptionalString(element, key) ?? throw new ScriptFormatException($"\"{key}\" is required.");

    private static string? OptionalString(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
