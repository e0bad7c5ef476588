namespace ExposureSdk.Samples.Common;

/// <summary>
/// Bad input (a file, a JSON path, an option or query value): the CLI prints the message on stderr and exits
/// with code 2; the web sample answers 400 with the message.
/// </summary>
public sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
