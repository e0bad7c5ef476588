using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ExposureSdk.Providers.MicrosoftGraph.Mapping;

/// <summary>
/// Turns a Secure Score <c>remediation</c> text, which may contain HTML, into plain-text steps: block
/// elements (<c>p</c>, <c>br</c>, <c>li</c>, <c>div</c>, headings, table rows) and line breaks separate
/// steps; other tags are removed; a link keeps its text followed by its absolute URL in parentheses;
/// <c>script</c> and <c>style</c> contents are dropped; entities are decoded; runs of white space
/// collapse to one space; empty steps are left out.
/// </summary>
internal static partial class RemediationText
{
    private const string StepBreak = "\n";

    public static List<string> ToSteps(string? html)
    {
        var steps = new List<string>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return steps;
        }

        var text = ScriptOrStyle().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = Anchor().Replace(text, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value).Trim();
            var inner = m.Groups["text"].Value;
            return Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? $"{inner} ({uri.AbsoluteUri})"
                : inner;
        });
        text = BlockTag().Replace(text, StepBreak);
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);

        foreach (var line in text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var step = Collapse(line);
            if (step.Length > 0)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static string Collapse(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(?:""(?<href>[^""]*)""|'(?<href>[^']*)'|(?<href>[^\s>]+))[^>]*>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<\s*/?\s*(p|br|li|ul|ol|div|h[1-6]|tr|table|section|blockquote)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnyTag();
}
