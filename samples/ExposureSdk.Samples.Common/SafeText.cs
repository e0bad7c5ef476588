using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ExposureSdk.Samples.Common;

/// <summary>
/// Text from a source (a provider, a scanner file, a snapshot) is untrusted: one helper per output kind
/// neutralises it before it is written. Every output of the samples goes through these (the CLI's table
/// adds Spectre markup escaping in its own <c>TerminalText</c>; the web sample's Razor pages HTML-encode what
/// <see cref="Neutralize"/> returns); JSON needs none, because <c>System.Text.Json</c> escapes control
/// characters and HTML-sensitive characters itself (with <see cref="JsonEncoder"/>).
/// </summary>
/// <remarks>
/// <para>All kinds first <see cref="Neutralize"/> the text:</para>
/// <list type="bullet">
/// <item>C0 controls (ESC included, so no ANSI or OSC sequence survives) and DEL become their visible
/// Control Pictures (U+2400–U+2421, for example ␛); C1 controls become U+FFFD; line breaks and tabs become a space;</item>
/// <item>bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can
/// make text read differently from what it is, become U+FFFD;</item>
/// <item>zero-width and invisible formatting characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD, U+180E) are removed;</item>
/// <item>a lone surrogate becomes U+FFFD;</item>
/// <item>text longer than the limit (512 characters by default, the SDK's own limit for names) is cut at a
/// character boundary and ends with "…".</item>
/// </list>
/// </remarks>
public static class SafeText
{
    /// <summary>The default length limit, in UTF-16 code units: the SDK's limit for ids and names.</summary>
    public const int DefaultMaxLength = 512;

    private const char Ellipsis = '…';

    /// <summary>Makes control, bidi and invisible characters harmless and bounds the length (see the remarks of <see cref="SafeText"/>).</summary>
    /// <param name="text">The untrusted text; <see langword="null"/> gives an empty string.</param>
    /// <param name="maxLength">The longest result, in UTF-16 code units, ellipsis included (at least 2).</param>
    /// <returns>The neutralised text.</returns>
    public static string Neutralize(string? text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length <= maxLength && !NeedsWork(text))
        {
            return text;
        }

        var sb = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (sb.Length + 2 > maxLength - 1 && HasMore(text, i + 2))
                {
                    return sb.Append(Ellipsis).ToString();
                }

                sb.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var replacement = Replace(c);
            if (replacement is null)
            {
                continue;
            }

            if (sb.Length + 1 > maxLength - 1 && HasMore(text, i + 1))
            {
                return sb.Append(Ellipsis).ToString();
            }

            sb.Append(replacement.Value);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The encoder of the JSON output: letters of every script stay readable; control characters, lone
    /// surrogates and the HTML-sensitive characters are escaped as the default encoder does, and so are the
    /// bidi and invisible characters that <see cref="Neutralize"/> handles (<c>\u202E</c>), which the
    /// default encoders write raw. The text itself is never altered: a program reading the JSON gets it exactly.
    /// </summary>
    public static JavaScriptEncoder JsonEncoder { get; } = CreateJsonEncoder();

    /// <summary>Untrusted text for a plain terminal line (stderr messages): neutralised, no markup.</summary>
    /// <param name="text">The untrusted text.</param>
    /// <returns>Text safe to print.</returns>
    public static string Plain(string? text) => Neutralize(text, 4096);

    /// <summary>
    /// Untrusted text for GitHub-flavoured markdown, inside a line (a table cell, after a heading's mark):
    /// neutralised, the punctuation that has a meaning inside a line is backslash-escaped
    /// (<c>\ ` * _ { } [ ] ( ) # ! | ~ $</c>: no emphasis, link, image, code span, math, strikethrough or table
    /// cell break), <c>&amp;</c> <c>&lt;</c> <c>&gt;</c> become
    /// character references (so no raw HTML and no entity), and URL schemes, <c>www.</c> and e-mail
    /// addresses get a zero-width joiner after their first character so that GitHub's automatic links do
    /// not apply to them.
    /// </summary>
    /// <param name="text">The untrusted text.</param>
    /// <returns>Text safe to embed in markdown.</returns>
    public static string Markdown(string? text)
    {
        var neutral = Neutralize(text);
        var sb = new StringBuilder(neutral.Length + 16);
        for (var i = 0; i < neutral.Length; i++)
        {
            var c = neutral[i];
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '!' or '|' or '~' or '$':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    if (StartsAutolink(neutral, i))
                    {
                        sb.Append('\u200D');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether an automatic link of GitHub's (a scheme such as <c>http:</c>, <c>www.</c>, or the local part of an e-mail address) starts at <paramref name="i"/>.</summary>
    private static bool StartsAutolink(string text, int i)
    {
        if (!char.IsAsciiLetterOrDigit(text[i]) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
        {
            return false;
        }

        var end = i;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or '_' or '+'))
        {
            end++;
        }

        var word = text.AsSpan(i, end - i);
        return end < text.Length && (text[end] is ':' or '@')
            || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || word.Contains('@');
    }

    private static bool NeedsWork(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || IsBidi(c) || IsInvisible(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether anything visible follows position <paramref name="from"/>, so that cutting here needs an ellipsis.</summary>
    private static bool HasMore(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (Replace(text[j]) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The character to write for <paramref name="c"/> (not part of a surrogate pair), or <see langword="null"/> to drop it.</summary>
    private static char? Replace(char c) => c switch
    {
        '\t' or '\n' or '\r' => ' ',
        < (char)0x20 => (char)(0x2400 + c),
        (char)0x7F => '\u2421',
        >= (char)0x80 and <= (char)0x9F => '\uFFFD',
        _ when char.IsSurrogate(c) => '\uFFFD',
        _ when IsBidi(c) => '\uFFFD',
        _ when IsInvisible(c) => null,
        _ => c,
    };

    private static JavaScriptEncoder CreateJsonEncoder()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.All);
        for (var c = '\u0000'; c < '\uFFFF'; c++)
        {
            if (IsBidi(c) || IsInvisible(c))
            {
                settings.ForbidCharacter(c);
            }
        }

        return JavaScriptEncoder.Create(settings);
    }

    private static bool IsBidi(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsInvisible(char c) => c is (>= '\u200B' and <= '\u200D') or (>= '\u2060' and <= '\u2064') or '\uFEFF' or '\u00AD' or '\u180E';
}
