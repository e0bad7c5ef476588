namespace ExposureSdk.Samples.Cli;

/// <summary>The exit codes of the command-line sample (contracts §2).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad input: the message on stderr names the file and the JSON path, or the option.</summary>
    public const int BadInput = 2;

    /// <summary><c>--fail-on-drop</c> was given and at least one score-drop event was found.</summary>
    public const int ScoreDrop = 3;
}
