using ExposureSdk.Scoring;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>Rules §3, points are the source's own: Graph's <c>maxScore</c> and Secure Score are never rescaled.</summary>
public sealed partial class MicrosoftGraphSecureScoreProviderTests
{
    [Fact]
    public async Task PointsAreTheSourcesOwn_FixtureSecureScoreIs387Of697_AndAControlKeepsItsMaxOf20()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            (Profiles, GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")),
            (Scores, GraphTestAdapters.Fixture("secureScores.v1.example.json"))));
        using var provider = Provider(server);

        var result = await RefreshAsync(provider);

        result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!.Coverage.Score.Should().Be(new PointsScore(387, 697), "Graph's own Secure Score, as the portal shows it");
        var dlp = result.Snapshot.Recommendations.Single();
        dlp.MaxPoints.Should().Be(20, "Graph's maxScore, not scaled to 10");
        dlp.Description.Should().NotContain("scaled");
        result.Report.SecureScore.Should().Be(new PointsScore(20, 20), "the engine's points are the control's own: 20 of 20 achieved");
    }
}
