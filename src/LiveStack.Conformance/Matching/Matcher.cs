using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance.Matching;

/// <summary>
/// Matches received values against script patterns. Dictionaries match partially (extra keys
/// are allowed unless the pattern says <c>"$exact": true</c>), lists element by element,
/// numbers by value; placeholders capture or compare, operators relax order.
/// </summary>
internal static class Matcher
{
    /// <summary>
    /// True when <paramref name="actual"/> matches. New captures go into <paramref name="bindings"/>
    /// even when the match fails, so callers match on a <see cref="Bindings.Clone"/>.
    /// Each mismatch is added to <paramref name="differences"/> when it is not null.
    /// </summary>
    public static bool Match(object? pattern, object? actual, Bindings bindings, List<string>? differences, string path = "")
    {
        switch (pattern)
        {
            case string text when Tokens.IsEscaped(text):
                return Expect(ValueComparer.Equal(text[1..], actual), text[1..], actual, differences, path);
            case Tokens.Any:
                return true;
            case Tokens.Absent:
                return Fail(differences, path, $"{Tokens.Absent} is only meaningful as a dictionary value");
            case string text when Tokens.IsPlaceholder(text):
                if (bindings.TryGet(text, out var bound))
                {
                    return ValueComparer.Equal(bound, actual)
                        || Fail(differences, path, $"expected {text} = {JsonTree.Render(bound)}, received {JsonTree.Render(actual)}");
                }

                bindings.Set(text, actual);
                return true;
            case IReadOnlyDictionary<string, object?> dict when Tokens.OperatorOf(dict) is { } op:
                return MatchOperator(op, dict[op], actual, bindings, differences, path);
            case IReadOnlyDictionary<string, object?> dict:
                return actual is IReadOnlyDictionary<string, object?> actualDict
                    ? MatchDict(dict, actualDict, bindings, differences, path)
                    : Fail(differences, path, $"expected a dictionary, received {JsonTree.Render(actual)}");
            case IReadOnlyList<object?> list:
                return actual is IReadOnlyList<object?> actualList
                    ? MatchList(list, actualList, bindings, differences, path)
                    : Fail(differences, path, $"expected a list, received {JsonTree.Render(actual)}");
            default:
                return Expect(ValueComparer.Equal(pattern, actual), pattern, actual, differences, path);
        }
    }

    /// <summary>
    /// Pairs every pattern with a distinct value, trying every assignment so placeholders bind
    /// consistently; with <paramref name="allowExtra"/> unpaired values are fine.
    /// </summary>
    public static bool MatchSet(IReadOnlyList<object?> patterns, IReadOnlyList<object?> actuals, bool allowExtra, Bindings bindings)
    {
        if (patterns.Count > actuals.Count || (!allowExtra && patterns.Count != actuals.Count))
        {
            return false;
        }

        var used = new bool[actuals.Count];
        return Assign(0);

        bool Assign(int index)
        {
            if (index == patterns.Count)
            {
                return true;
            }

            for (var j = 0; j < actuals.Count; j++)
            {
                if (used[j])
                {
                    continue;
                }

                var trial = bindings.Clone();
                if (!Match(patterns[index], actuals[j], trial, null))
                {
                    continue;
                }

                used[j] = true;
                var saved = bindings.Clone();
                bindings.ReplaceWith(trial);
                if (Assign(index + 1))
                {
                    return true;
                }

                bindings.ReplaceWith(saved);
                used[j] = false;
            }

            return false;
        }
    }

    private static bool MatchDict(IReadOnlyDictionary<string, object?> pattern, IReadOnlyDictionary<string, object?> actual, Bindings bindings, List<string>? differences, string path)
    {
        var ok = true;
        foreach (var (key, expected) in pattern)
        {
            if (key == Tokens.Exact)
            {
                continue;
            }

            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            var present = actual.TryGetValue(key, out var value);
            if (expected is Tokens.Absent)
            {
                ok &= !present || Fail(differences, keyPath, $"expected no such key, received {JsonTree.Render(value)}");
            }
            else if (!present)
            {
                ok = Fail(differences, keyPath, $"expected {JsonTree.Render(expected)}, but the key is missing");
            }
            else
            {
                ok &= Match(expected, value, bindings, differences, keyPath);
            }
        }

        if (pattern.TryGetValue(Tokens.Exact, out var exact) && exact is true)
        {
            foreach (var key in actual.Keys)
            {
                if (!pattern.ContainsKey(key))
                {
                    ok = Fail(differences, path.Length == 0 ? key : $"{path}.{key}", $"unexpected key (the pattern is {Tokens.Exact})");
                }
            }
        }

        return ok;
    }

    private static bool MatchList(IReadOnlyList<object?> pattern, IReadOnlyList<object?> actual, Bindings bindings, List<string>? differences, string path)
    {
        var open = pattern.Count > 0 && pattern[^1] is Tokens.Rest;
        var fixedCount = open ? pattern.Count - 1 : pattern.Count;
        var ok = true;
        for (var i = 0; i < fixedCount; i++)
        {
            if (i >= actual.Count)
            {
                return Fail(differences, $"{path}[{i}]", $"expected {JsonTree.Render(pattern[i])}, but the list ends after {actual.Count} elements");
            }

            ok &= Match(pattern[i], actual[i], bindings, differences, $"{path}[{i}]");
        }

        if (!open && actual.Count > fixedCount)
        {
            ok = Fail(differences, $"{path}[{fixedCount}]", $"unexpected extra elements {JsonTree.Render(actual.Skip(fixedCount).ToList())}");
        }

        return ok;
    }

    private static bool MatchOperator(string op, object? operand, object? actual, Bindings bindings, List<string>? differences, string path)
    {
        var options = operand as IReadOnlyList<object?> ?? [];
        if (op == Tokens.OneOf)
        {
            foreach (var option in options)
            {
                var trial = bindings.Clone();
                if (Match(option, actual, trial, null))
                {
                    bindings.ReplaceWith(trial);
                    return true;
                }
            }

            return Fail(differences, path, $"expected one of {JsonTree.Render(options)}, received {JsonTree.Render(actual)}");
        }

        if (actual is not IReadOnlyList<object?> list)
        {
            return Fail(differences, path, $"expected a list, received {JsonTree.Render(actual)}");
        }

        var contains = op == Tokens.Contains;
        return MatchSet(options, list, allowExtra: contains, bindings)
            || Fail(differences, path, contains
                ? $"expected a list containing {JsonTree.Render(options)} in any order, received {JsonTree.Render(list)}"
                : $"expected exactly {JsonTree.Render(options)} in any order, received {JsonTree.Render(list)}");
    }

    private static bool Expect(bool equal, object? expected, object? actual, List<string>? differences, string path) =>
        equal || Fail(differences, path, $"expected {JsonTree.Render(expected)}, received {JsonTree.Render(actual)}");

    private static bool Fail(List<string>? differences, string path, string message)
    {
        differences?.Add(path.Length == 0 ? message : $"{path}: {message}");
        return false;
    }
}
