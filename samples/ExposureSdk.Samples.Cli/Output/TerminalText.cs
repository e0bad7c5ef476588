namespace ExposureSdk.Samples.Cli.Output;

/// <summary>Untrusted text for the table output (Spectre.Console markup), on top of the shared <see cref="SafeText"/>.</summary>
internal static class TerminalText
{
    /// <summary>Untrusted text for Spectre.Console markup: neutralised, then markup-escaped (<c>[</c> and <c>]</c>).</summary>
    /// <param name="text">The untrusted text.</param>
    /// <returns>Text safe to embed in markup.</returns>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(SafeText.Neutralize(text));
}
