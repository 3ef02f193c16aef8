namespace LiveStack.Conformance.Matching;

/// <summary>Finds misuse of the pattern tokens when a script is loaded, so mistakes surface before a run.</summary>
internal static class PatternChecker
{
    /// <summary>A description of the first problem in <paramref name="pattern"/>, or null.</summary>
    public static string? Problem(object? pattern, string path = "") => pattern switch
    {
        Tokens.Absent => $"{Where(path)}{Tokens.Absent} may only be a dictionary value.",
        Tokens.Rest => $"{Where(path)}{Tokens.Rest} may only be the last element of a list.",
        IReadOnlyDictionary<string, object?> dict when Tokens.OperatorOf(dict) is { } op =>
            dict[op] is IReadOnlyList<object?> operands
                ? operands.Select((o, i) => Problem(o, $"{path}.{op}[{i}]")).FirstOrDefault(p => p is not null)
                : $"{Where(path)}{op} takes a list.",
        IReadOnlyDictionary<string, object?> dict => DictProblem(dict, path),
        IReadOnlyList<object?> list => list
            .Select((item, i) => i == list.Count - 1 && item is Tokens.Rest ? null : Problem(item, $"{path}[{i}]"))
            .FirstOrDefault(p => p is not null),
        _ => null,
    };

    private static string? DictProblem(IReadOnlyDictionary<string, object?> dict, string path)
    {
        foreach (var (key, value) in dict)
        {
            if (key == Tokens.Exact)
            {
                if (value is not bool)
                {
                    return $"{Where(path)}{Tokens.Exact} takes true or false.";
                }

                continue;
            }

            if (key.StartsWith('$'))
            {
                return $"{Where(path)}unknown operator key \"{key}\" (operators stand alone: {string.Join(", ", Tokens.Operators)}).";
            }

            if (value is not Tokens.Absent && Problem(value, $"{path}.{key}") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string Where(string path) => path.Length == 0 ? string.Empty : $"at {path}: ";
}
