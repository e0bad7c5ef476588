namespace ExposureSdk.Internal;

/// <summary>
/// Bounds text to a length without splitting a surrogate pair: a cut through a pair would leave a lone
/// surrogate, which the model refuses (ill-formed UTF-16 cannot be written and read back identical).
/// Shared by source (linked) with the providers that cut source text to the model's limits.
/// </summary>
internal static class TextCut
{
    /// <summary>The first <paramref name="max"/> characters at most, one fewer when the last would be half a pair.</summary>
    public static string Prefix(string text, int max)
        => text.Length <= max ? text : text[..End(text, max)];

    /// <summary>The text whole when it fits; otherwise its start and "…", <paramref name="max"/> characters at most.</summary>
    public static string WithEllipsis(string text, int max)
        => text.Length <= max ? text : string.Concat(text.AsSpan(0, End(text, max - 1)), "\u2026");

    private static int End(string text, int length)
        => length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}
