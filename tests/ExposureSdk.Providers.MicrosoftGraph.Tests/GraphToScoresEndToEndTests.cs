using ExposureSdk.Catalog;
using ExposureSdk.Scoring;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>From the Graph fixtures over the real Kiota adapter, through the built-in catalog, to scores.</summary>
public sealed class GraphToScoresEndToEndTests
{
    [Fact]
    public async Task GraphFixture_ThroughCatalog_ScoresDataInitiativesAndLeavesTheRestUnavailable()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            ("security/secureScoreControlProfiles", GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")),
            ("security/secureScores", GraphTestAdapters.Fixture("secureScores.v1.example.json"))));
        using var provider = MicrosoftGraphSecureScoreProvider.Create(server.BaseUrl, _ => ValueTask.FromResult("token"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var recommendations = new List<Recommendation>();
        await foreach (var r in provider.GetRecommendationsAsync(timeout.Token))
        {
            recommendations.Add(r);
        }

        var snapshot = ExposureCatalog.BuiltIn.ApplyTo(new ExposureSnapshot("00000001-0001-0001-0001-000000000001c", new DateTimeOffset(2019, 3, 19, 15, 21, 0, TimeSpan.Zero), recommendations));
        var report = ExposureScorer.Score(snapshot);

        report.SecureScore.Percentage.Should().Be(100, "DLPEnabled is fully scored: 20 of 20 points");
        report.SecureScore.MaxPoints.Should().Be(20, "the control's own maxScore (rules §3: never rescaled)");
        report.FindMetric("data-exfiltration")!.Score.Should().Be(100, "DLPEnabled mitigates dataExfiltration");
        report.FindMetric("data-protection")!.Score.Should().Be(100, "DLPEnabled is in the Data domain");
        report.FindInitiative("critical-asset-protection")!.Score.Should().Be(100);
        report.FindInitiative("zero-trust-foundational")!.Score.Should().Be(100);
        report.FindInitiative("ransomware-protection")!.Score.Should().Be(100, "data-exfiltration is its only available metric");
        report.Initiatives.Where(i => i.Score is null).Select(i => i.Id.Value).Should().BeEquivalentTo(
            ["business-email-compromise", "cis-m365-foundations", "cloud-security", "endpoint-security", "enterprise-iot-security",
             "external-attack-surface", "identity-security", "ot-security", "saas-security", "vulnerability-assessment"],
            "initiatives whose metrics have no data are unavailable, not 0 or 100");
    }
}
