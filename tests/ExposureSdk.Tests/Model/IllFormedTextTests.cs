using System.Text;
using CsCheck;
using ExposureSdk.Events;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Tests.Model;

/// <summary>
/// Text that does not round-trip (issue 17), decided once: the model rejects ill-formed UTF-16 (a lone
/// surrogate) at its boundary with an <see cref="ArgumentException"/> naming the parameter and the index,
/// so everything it holds can be written as UTF-8 (snapshot documents, history) and reads back identical.
/// Diagnostic text (coverage details, stale reasons) is shown, never compared: there a lone surrogate
/// becomes U+FFFD instead of failing the refresh that reports a source's error.
/// </summary>
public sealed class IllFormedTextTests
{
    // By index: xunit serializes theory data, and a string with a lone surrogate would reach the test as U+FFFD.
    private static readonly string[] IllFormedTexts =
    [
        "id-\ud800",
        "id-\udc00",
        "\ud800",
        "a\udc00\ud800b",        // a low then a high surrogate: two lone halves, not a pair
        "pair \ud83d\ude00 then \ud83d",
        "ends with \udbff",
    ];

    public static TheoryData<int> IllFormed => [.. Enumerable.Range(0, IllFormedTexts.Length)];

    public static TheoryData<string, string> Entry => new()
    {
        { "RecommendationId", "value" },
        { "MetricId", "value" },
        { "InitiativeId", "value" },
        { "AssetId", "value" },
        { "AssetKind", "name" },
        { "Workload", "name" },
        { "SecurityDomain", "name" },
        { "RecommendationSource", "name" },
        { "Recommendation.name", "name" },
        { "Recommendation.description", "description" },
        { "Recommendation.remediationSteps", "remediationSteps" },
        { "Recommendation.threats", "threats" },
        { "Recommendation.tags", "tags" },
        { "Metric.name", "name" },
        { "Metric.description", "description" },
        { "MetricSelector.tags", "tags" },
        { "Initiative.name", "name" },
        { "Initiative.description", "description" },
        { "Asset.name", "name" },
        { "Asset.tags", "tags" },
        { "ExposureSnapshot.tenantId", "tenantId" },
        { "ScoreCard.tenantId", "tenantId" },
        { "ScoreCardMetric.name", "name" },
        { "ScoreCardInitiative.name", "name" },
        { "SecurityEvent.metricName", "metricName" },
        { "SecurityEvent.initiativeName", "initiativeName" },
        { "MissingScore.subjectName", "subjectName" },
    };

    [Theory]
    [MemberData(nameof(Entry))]
    public void EveryTextEntry_LoneSurrogate_ThrowsArgumentExceptionNamingParameterAndIndex(string entry, string parameter)
    {
        var text = "x-\udc00";

        var act = () => Create(entry, text);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == parameter)
            .WithMessage("*lone surrogate (U+DC00) at index 2*well-formed UTF-16*");
    }

    [Theory]
    [MemberData(nameof(Entry))]
    public void EveryTextEntry_SurrogatePairsAndUnusualCharacters_AreKeptExactly(string entry, string _)
    {
        var text = "x \ud83d\ude00 \U0001F512 \u202e\u200b\ufffd\uffff";

        var act = () => Create(entry, text);

        act.Should().NotThrow();
    }

    [Theory]
    [MemberData(nameof(IllFormed))]
    public void Identifiers_AnyLoneSurrogate_AreRejected_SoDistinctIdsNeverCollapse(int index)
    {
        var text = IllFormedTexts[index];
        FluentActions.Invoking(() => new RecommendationId(text)).Should().Throw<ArgumentException>().WithMessage("*lone surrogate*");
        FluentActions.Invoking(() => new AssetId(text)).Should().Throw<ArgumentException>().WithMessage("*lone surrogate*");
    }

    [Fact]
    public void TheTwoIdsOfTheReport_WhichTheWriterMadeOne_CannotBothEnterTheModel()
    {
        // Before: both were accepted, written as "id-\uFFFD", and the SDK's own reader rejected its document
        // as holding a duplicate. Now neither enters, and the message says where the bad character is.
        FluentActions.Invoking(() => new RecommendationId("id-\ud800")).Should().Throw<ArgumentException>().WithMessage("*U+D800*index 3*");
        FluentActions.Invoking(() => new RecommendationId("id-\udc00")).Should().Throw<ArgumentException>().WithMessage("*U+DC00*index 3*");
    }

    [Theory]
    [InlineData(10, 10, false)]
    [InlineData(11, 11, false)]
    [InlineData(9, 8, true)]
    public void TextCut_NeverSplitsAPair_AndStaysWithinTheLimit(int max, int expectedLength, bool pairDropped)
    {
        var text = "abcdefgh\U0001F600ij"; // the pair is at indices 8 and 9
        var prefix = Internal.TextCut.Prefix(text, max);
        prefix.Should().Be(text[..expectedLength]);
        Internal.Guard.WellFormed(prefix, "text").Should().BeSameAs(prefix);
        prefix.Contains('\uD83D', StringComparison.Ordinal).Should().Be(!pairDropped);

        var ellipsis = Internal.TextCut.WithEllipsis(text, max + 1);
        ellipsis.Length.Should().BeLessThanOrEqualTo(max + 1);
        Internal.Guard.WellFormed(ellipsis, "text").Should().BeSameAs(ellipsis);
        Internal.TextCut.WithEllipsis(text, text.Length).Should().BeSameAs(text);
    }

    [Fact]
    public void DiagnosticText_LoneSurrogate_BecomesReplacementCharacter_PairsKept()
    {
        var coverage = new SourceCoverage(SourceStatus.Limited, "bad \ud800 text \ud83d\ude00", [new SourceCoveragePart("part", SourceStatus.Failed, "x\udc00")]);
        coverage.Detail.Should().Be("bad \ufffd text \ud83d\ude00");
        coverage.Parts.Single().Detail.Should().Be("x\ufffd");
        new SourceCoverage(SourceStatus.Limited, "a\udc00\ud800b\ud800\ud83d\ude00\udc00").Detail
            .Should().Be("a\ufffd\ufffdb\ufffd\ud83d\ude00\ufffd", "each lone half is replaced, the pair between them kept");

        var missing = MissingScore.ForMetric("m", "Metric", MissingScoreReason.StaleToday, "provider failed: \ud800");
        missing.Detail.Should().Be("provider failed: \ufffd");

        var metric = new ScoreCardMetric("m", "Metric", MetricWeight.High, 3, 50, 1, 2, ScoreAvailability.Stale, "stale \udbff", [], [], []);
        metric.StaleReason.Should().Be("stale \ufffd");
    }

    [Fact]
    public void AnyText_EitherRejectedOrReadBackIdentical_ThroughTheSnapshotDocument()
    {
        // Characters from the whole UTF-16 range, surrogate halves included, in any order.
        var character = Gen.Frequency(
            (6, Gen.Char['a', 'z']),
            (2, Gen.Char['\ud800', '\udfff']),
            (1, Gen.Char['\u0000', '\uffff']));
        var text = Gen.Select(Gen.Char['a', 'z'], character.Array[0, 12], (c, a) => c + new string(a));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        Gen.Select(text, text).Sample(
            (id, name) =>
            {
                bool wellFormed;
                try
                {
                    strict.GetByteCount(id + name);
                    wellFormed = true;
                }
                catch (EncoderFallbackException)
                {
                    wellFormed = false;
                }

                Recommendation recommendation;
                try
                {
                    recommendation = new Recommendation(id, name, RecommendationSource.CisBenchmark, Workload.DefenderForEndpoint, SecurityDomain.Devices, Impact.High, maxPoints: 1);
                }
                catch (ArgumentException ex) when (!wellFormed)
                {
                    ex.Message.Should().Contain("lone surrogate");
                    return;
                }

                wellFormed.Should().BeTrue("ill-formed text must be rejected");
                var snapshot = new ExposureSnapshot("tenant", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), [recommendation]);
                var read = SnapshotDocument.Read(SnapshotDocument.WriteToUtf8Bytes(snapshot));
                read.Recommendations.Single().Id.Value.Should().Be(id);
                read.Recommendations.Single().Name.Should().Be(name);
            },
            iter: 2_000);
    }

    private static object Create(string entry, string text) => entry switch
    {
        "RecommendationId" => new RecommendationId(text),
        "MetricId" => new MetricId(text),
        "InitiativeId" => new InitiativeId(text),
        "AssetId" => new AssetId(text),
        "AssetKind" => AssetKind.Parse(text),
        "Workload" => Workload.Parse(text),
        "SecurityDomain" => SecurityDomain.Parse(text),
        "RecommendationSource" => RecommendationSource.Parse(text),
        "Recommendation.name" => Rec(name: text),
        "Recommendation.description" => Rec(description: text),
        "Recommendation.remediationSteps" => Rec(steps: [text]),
        "Recommendation.threats" => Rec() with { Threats = [text] },
        "Recommendation.tags" => Rec() with { Tags = [text] },
        "Metric.name" => new Metric("m", text, MetricWeight.High),
        "Metric.description" => new Metric("m", "Metric", MetricWeight.High, description: text),
        "MetricSelector.tags" => new MetricSelector(tags: [text]),
        "Initiative.name" => new Initiative("i", text, InitiativeKind.Workload),
        "Initiative.description" => new Initiative("i", "Initiative", InitiativeKind.Workload, description: text),
        "Asset.name" => new Asset("a", AssetKind.Device, text),
        "Asset.tags" => new Asset("a", AssetKind.Device, tags: [text]),
        "ExposureSnapshot.tenantId" => new ExposureSnapshot(text, DateTimeOffset.UnixEpoch),
        "ScoreCard.tenantId" => new ScoreCard(text, DateTimeOffset.UnixEpoch, null, [], []),
        "ScoreCardMetric.name" => new ScoreCardMetric("m", text, MetricWeight.High, 3, 50, 1, 2, ScoreAvailability.Available, null, [], [], []),
        "ScoreCardInitiative.name" => new ScoreCardInitiative("i", text, 50, ScoreAvailability.Available, null, [], [], null),
        "SecurityEvent.metricName" => SecurityEvent.MetricScoreDrop(DateTimeOffset.UnixEpoch, "m", text, 90, 80, MetricWeight.High),
        "SecurityEvent.initiativeName" => SecurityEvent.NewInitiative(DateTimeOffset.UnixEpoch, "i", text, 50),
        "MissingScore.subjectName" => MissingScore.ForMetric("m", text, MissingScoreReason.StaleToday),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry, null),
    };

    private static Recommendation Rec(string name = "Name", string? description = null, string[]? steps = null) =>
        new("r", name, RecommendationSource.CisBenchmark, Workload.DefenderForEndpoint, SecurityDomain.Devices, Impact.High, description, steps, maxPoints: 1);
}
