using ExposureSdk.History;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>Secure Score coverage through the refresh pipeline (domain rules §2).</summary>
public sealed partial class MicrosoftGraphSecureScoreProviderTests
{
    private static async Task<RefreshResult> RefreshAsync(MicrosoftGraphSecureScoreProvider provider)
    {
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false };
        return await new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), options).RefreshAsync().WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Pull_NoDailySecureScoreAtAll_SourceIsInactiveAndNothingIsShown()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, Page(ProfileJson("A"))), (Scores, """{"value":[]}""")));
        using var provider = Provider(server);

        var result = await RefreshAsync(provider);

        var outcome = result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!;
        outcome.Succeeded.Should().BeTrue();
        outcome.Coverage.Status.Should().Be(SourceStatus.Inactive);
        outcome.Coverage.Detail.Should().Contain("no daily Secure Score at all");
        outcome.Coverage.Score.Should().BeNull();
        result.Snapshot.Recommendations.Should().BeEmpty();
    }

    [Fact]
    public async Task Pull_DailySecureScore_SourceIsActiveWithGraphsOwnPoints()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            (Profiles, Page(ProfileJson("A") + "," + ProfileJson("B"))),
            (Scores, """{"value":[{"createdDateTime":"2026-11-20T03:00:00Z","currentScore":3.5,"maxScore":10,"controlScores":[{"controlName":"A","score":3.5}]}]}""")));
        using var provider = Provider(server);

        var result = await RefreshAsync(provider);

        var outcome = result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!;
        outcome.Coverage.Status.Should().Be(SourceStatus.Active);
        outcome.Coverage.Detail.Should().Be("the daily Secure Score of 2026-11-20 (UTC)");
        outcome.Coverage.Score.Should().Be(new Scoring.PointsScore(3.5, 10));
        outcome.Counts.Recommendations.Should().Be(2);
        result.Snapshot.Recommendations.Select(r => r.Id.Value).Should().BeEquivalentTo(["A", "B"]);
        server.Count(Profiles).Should().Be(1, "one pull reads the profiles once");
    }

    [Fact]
    public async Task Pull_ScoresWithInconsistentPoints_IsActiveWithoutAPointsFigure()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            (Profiles, Page(ProfileJson("A"))),
            (Scores, """{"value":[{"createdDateTime":"2026-11-20T03:00:00Z","currentScore":12,"maxScore":5,"controlScores":[]}]}""")));
        using var provider = Provider(server);

        var result = await RefreshAsync(provider);

        var coverage = result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!.Coverage;
        coverage.Status.Should().Be(SourceStatus.Active);
        coverage.Score.Should().BeNull("12 of 5 points is not a points figure");
    }
}
