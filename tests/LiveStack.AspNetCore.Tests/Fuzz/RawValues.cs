namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>A text string given as raw bytes, which need not be UTF-8.</summary>
internal sealed record RawText(byte[] Bytes);

/// <summary>A number written verbatim in JSON (e.g. <c>1e400</c>); the binary serializers write <paramref name="Binary"/> instead.</summary>
internal sealed record JsonNumber(string Literal, object? Binary);

/// <summary>A map whose keys may repeat or be something other than strings.</summary>
internal sealed record RawMap(IReadOnlyList<KeyValuePair<object?, object?>> Entries);
