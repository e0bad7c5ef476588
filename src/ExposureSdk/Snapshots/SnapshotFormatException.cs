namespace ExposureSdk;

/// <summary>
/// The snapshot document is not valid: malformed JSON, a wrong type, a missing required property, an
/// unknown enum value, a value out of range, a duplicate or dangling identifier, an unsupported schema
/// version, a truncated file, or a limit of <see cref="SnapshotReadOptions"/> exceeded.
/// </summary>
/// <remarks>
/// The message starts with the JSON path of the offending value and says what was expected, for
/// example <c>$.recommendations[12].impact: unknown value 'Severe' (expected High, Medium, Low)</c>.
/// Where the position in the text is known it is appended in the System.Text.Json manner
/// (<c>LineNumber: 14 | BytePositionInLine: 18.</c>, both zero-based).
/// </remarks>
public sealed class SnapshotFormatException : Exception
{
    /// <summary>Creates an exception with a generic message (for serializers and tooling).</summary>
    public SnapshotFormatException()
        : this("$: the snapshot document is not valid.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong, starting with the JSON path.</param>
    public SnapshotFormatException(string message)
        : base(message)
    {
        JsonPath = "$";
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong, starting with the JSON path.</param>
    /// <param name="innerException">The exception that caused it.</param>
    public SnapshotFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
    }

    /// <summary>Creates an exception naming the JSON path, the problem and, if known, the position.</summary>
    /// <param name="jsonPath">The JSON path of the offending value (for example <c>$.recommendations[12].impact</c>).</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    /// <param name="lineNumber">The zero-based line of the offending value, if known.</param>
    /// <param name="bytePositionInLine">The zero-based byte offset of the offending value within its line, if known.</param>
    /// <param name="innerException">The exception that caused it, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="jsonPath"/> or <paramref name="problem"/> is <see langword="null"/>.</exception>
    public SnapshotFormatException(string jsonPath, string problem, long? lineNumber, long? bytePositionInLine, Exception? innerException = null)
        : base(Compose(jsonPath, problem, lineNumber, bytePositionInLine), innerException)
    {
        JsonPath = jsonPath;
        Problem = problem;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The JSON path of the offending value (<c>$</c> for the document as a whole).</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong and what was expected, without the path and position.</summary>
    public string? Problem { get; }

    /// <summary>The zero-based line of the offending value, or <see langword="null"/> when not known (for example a dangling id checked after the whole document was read).</summary>
    public long? LineNumber { get; }

    /// <summary>The zero-based byte offset of the offending value within its line, or <see langword="null"/> when not known.</summary>
    public long? BytePositionInLine { get; }

    private static string Compose(string jsonPath, string problem, long? lineNumber, long? bytePositionInLine)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        ArgumentNullException.ThrowIfNull(problem);
        return lineNumber is { } line
            ? FormattableString.Invariant($"{jsonPath}: {problem} LineNumber: {line} | BytePositionInLine: {bytePositionInLine ?? 0}.")
            : $"{jsonPath}: {problem}";
    }
}
