namespace LiveStack.Conformance.Running;

/// <summary>A step's expectation did not hold; the message is the report for that step.</summary>
internal sealed class StepFailedException(string message) : Exception(message);
