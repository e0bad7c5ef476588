using System.Text.Json;
using ExposureSdk.Samples.Common;
using Markdig;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>
/// Untrusted text is neutralised at every output (issue 17): a hostile corpus in every name a source
/// controls reaches the table, markdown and JSON outputs of every command, and none of it gets through as
/// a terminal control sequence, a bidi trick, an invisible character, a markdown link, image or raw HTML,
/// or Spectre markup; long names are cut with an ellipsis.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    /// <summary>Names a partner provider, a scanner file or a snapshot could send.</summary>
    public static readonly string[] Texts =
    [
        "Red \u001b[31mALERT\u001b[0m",
        "Clear \u001b[2J\u001b[H screen",
        "OSC \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 title \u001b]0;pwned\u0007",
        "C1 \u009b31m CSI and \u0085 NEL",
        "Bidi \u202Eexe.txt\u202C and \u2066isolate\u2069 \u200F",
        "Zero\u200Bwidth\u200D\uFEFF\u2060 joiners",
        "[click](http://evil.example) <img src=x onerror=alert(1)>",
        "![img](http://evil.example/x.png) <script>alert(1)</script> &amp; &#60;",
        "**bold** _em_ `code` ~~strike~~ # heading | pipe \\ backslash",
        "Autolinks www.evil.example https://evil.example/path mail me@evil.example",
        "[red]Spectre[/] [link=http://evil.example]markup[/]",
        "Line\r\nbreak\ttab",
        new string('A', 600),
        new string('é', 511) + "\U0001F600tail",
    ];

    public static readonly TheoryData<string> Corpus = new(Texts);

    private readonly string _directory = Directory.CreateTempSubdirectory("exposuresdk-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Neutralize_LeavesNoControlBidiOrInvisibleCharacter_AndBoundsTheLength(string hostile)
    {
        var safe = SafeText.Neutralize(hostile);

        AssertInert(safe);
        safe.Length.Should().BeLessThanOrEqualTo(SafeText.DefaultMaxLength);
        if (hostile.Length > SafeText.DefaultMaxLength)
        {
            safe.Should().EndWith("…");
        }
    }

    [Fact]
    public void Neutralize_MakesControlsVisible_KeepsOrdinaryText_AndNeverSplitsASurrogatePair()
    {
        SafeText.Neutralize("a\u001b[31mb").Should().Be("a␛[31mb");
        SafeText.Neutralize("x\u007fy").Should().Be("x␡y");
        SafeText.Neutralize("Require MFA for administrative roles").Should().Be("Require MFA for administrative roles");
        SafeText.Neutralize("lone \ud800 surrogate").Should().Be("lone \uFFFD surrogate");
        SafeText.Neutralize(null).Should().BeEmpty();

        var cut = SafeText.Neutralize(new string('a', 510) + "\U0001F600\U0001F600");
        cut.Should().Be(new string('a', 510) + "…", "a pair that does not fit whole is not split");
        SafeText.Neutralize(new string('a', 512)).Should().HaveLength(512).And.NotContain("…", "text at the limit is kept whole");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Markdown_RenderedAsGitHubWould_IsPlainText(string hostile)
    {
        var cell = SafeText.Markdown(hostile);
        var html = Markdown.ToHtml($"| Name |\n|---|\n| {cell} |\n", Pipeline);

        html.Should().NotContain("<a ").And.NotContain("<img").And.NotContain("<script").And.NotContain("<strong>").And.NotContain("<em>").And.NotContain("<code>").And.NotContain("<del>");
        html.Split("<td>").Length.Should().Be(2, "one cell: no pipe in the name splits it");
        var text = System.Net.WebUtility.HtmlDecode(StripTags(html)).Replace("\u200D", string.Empty, StringComparison.Ordinal).Trim();
        text.Should().Contain(SafeText.Neutralize(hostile).Trim(), "the name is shown as it is (neutralised), not interpreted");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    [InlineData("json")]
    public async Task EveryCommand_EveryFormat_NeutralisesEveryHostileName(string format)
    {
        var (today, yesterday) = WriteSnapshots();
        string[][] commands =
        [
            ["report", "--snapshot", today, "--previous", yesterday],
            ["events", "--snapshot", today, "--previous", yesterday],
            ["explain", "--snapshot", today, "--metric", "m0"],
            ["explain", "--snapshot", today, "--initiative", "i0"],
            ["plan", "--snapshot", today],
        ];

        foreach (var command in commands)
        {
            var run = await CliRun.RunAsync([.. command, "--format", format]);
            run.ExitCode.Should().Be(0, $"{string.Join(' ', command)}: {run.Stderr}");
            AssertInert(run.Stdout);
            switch (format)
            {
                case "markdown":
                    var html = Markdown.ToHtml(run.Stdout, Pipeline);
                    html.Should().NotContain("<a ").And.NotContain("<img").And.NotContain("<script").And.NotContain("evil.example\"");
                    break;
                case "json":
                    run.Stdout.Should().NotContain("<").And.NotContain(">", "the serializer escapes HTML-sensitive characters");
                    using (var document = JsonDocument.Parse(run.Stdout))
                    {
                        document.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
                    }

                    break;
                default:
                    if (command[0] == "report")
                    {
                        run.Stdout.Should().Contain("[red]Spectre[/]", "markup from a source is printed, not interpreted");
                    }

                    break;
            }
        }
    }

    [Fact]
    public async Task Json_KeepsTheNamesExactly()
    {
        var (today, _) = WriteSnapshots();

        var run = await CliRun.RunAsync("report", "--snapshot", today, "--format", "json");

        using var document = JsonDocument.Parse(run.Stdout);
        var names = document.RootElement.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        names.Should().Contain(Texts.Where(n => n.Length <= 512), "JSON is for programs: the text is escaped by the serializer, never altered");
    }

    [Fact]
    public async Task ErrorMessages_NeutraliseNamesFromTheSource()
    {
        var (today, _) = WriteSnapshots();

        var run = await CliRun.RunAsync("explain", "--snapshot", today, "--metric", "no-such-metric");

        run.ExitCode.Should().Be(2);
        AssertInert(run.Stderr);
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty);

    private static void AssertInert(string output)
    {
        foreach (var c in output)
        {
            var code = (int)c;
            var control = (code < 0x20 && c is not '\n' and not '\r') || (code >= 0x7F && code <= 0x9F);
            control.Should().BeFalse($"U+{code:X4} is a control character");
            (c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F' or '\u061C').Should().BeFalse($"U+{code:X4} is a bidi control");
            (c is '\u200B' or '\uFEFF' or '\u2060').Should().BeFalse($"U+{code:X4} is invisible");
        }
    }

    // At most length characters, never ending in half a surrogate pair (the model refuses ill-formed UTF-16).
    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private (string Today, string Yesterday) WriteSnapshots()
    {
        var corpus = Texts;
        var recommendations = corpus.Select((name, i) => new Recommendation(
            $"r{i}", Cut(name, 512), Cut(corpus[(i + 1) % corpus.Length], 100),
            Cut(corpus[(i + 2) % corpus.Length], 100), "Devices", Impact.High, maxPoints: 10)).ToArray();
        var assets = Enumerable.Range(0, 3).Select(a => new Asset($"asset-{a}-{Cut(corpus[a], 40)}", AssetKind.Device)).ToArray();
        ExposureSnapshot Snapshot(DateTimeOffset asOf, AssessmentStatus status) => new(
            "hostile-tenant",
            asOf,
            recommendations,
            assets,
            recommendations.SelectMany(r => assets.Select((a, k) => new Assessment(r.Id, a.Id, k == 0 ? status : AssessmentStatus.Healthy))),
            corpus.Select((name, i) => new Metric($"m{i}", Cut(name, 512), MetricWeight.High, [recommendations[i].Id])),
            corpus.Select((name, i) => new Initiative($"i{i}", Cut(name, 512), InitiativeKind.Workload, [(MetricId)$"m{i}"], null, 90)));
        var asOf = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        return (Write("today.json", Snapshot(asOf, AssessmentStatus.Unhealthy)), Write("yesterday.json", Snapshot(asOf.AddDays(-1), AssessmentStatus.Healthy)));
    }

    private string Write(string name, ExposureSnapshot snapshot)
    {
        var path = Path.Combine(_directory, name);
        using var stream = File.Create(path);
        SnapshotDocument.Write(snapshot, stream);
        return path;
    }
}
