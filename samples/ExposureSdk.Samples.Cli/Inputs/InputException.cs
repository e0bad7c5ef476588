namespace ExposureSdk.Samples.Cli.Inputs;

/// <summary>Bad input (a file, a JSON path, an option value): the CLI prints the message on stderr and exits with <see cref="ExitCodes.BadInput"/>.</summary>
internal sealed class InputException : Exception
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
