namespace LiveStack.Conformance.Scripts;

/// <summary>A script file is not valid JSON or does not follow the script format.</summary>
public sealed class ScriptFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScriptFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScriptFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ScriptFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
