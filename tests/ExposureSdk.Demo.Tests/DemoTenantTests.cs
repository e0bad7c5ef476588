using ExposureSdk.Catalog;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Demo.Tests;

public sealed class DemoTenantTests
{
    private static readonly DemoTenant Default = DemoTenant.Create();

    [Fact]
    public void Create_SameSeed_GivesIdenticalSnapshots()
    {
        var other = DemoTenant.Create(DemoTenantOptions.DefaultSeed);

        Fingerprint(other.Today).Should().Equal(Fingerprint(Default.Today));
        Fingerprint(other.GetSnapshot(17)).Should().Equal(Fingerprint(Default.GetSnapshot(17)));
    }

    [Fact]
    public void Create_DifferentSeed_GivesDifferentTenant()
    {
        var other = DemoTenant.Create(7);

        Fingerprint(other.Today).Should().NotEqual(Fingerprint(Default.Today));
    }

    [Fact]
    public void Create_Defaults_UseTheFixedReferenceInstantNotTheClock()
    {
        Default.AsOf.Should().Be(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        Default.Today.AsOf.Should().Be(Default.AsOf);
        Default.Today.TenantId.Should().Be("contoso-demo");
        Default.GetSnapshot(60).AsOf.Should().Be(Default.AsOf.AddDays(-60));
    }

    [Fact]
    public void Today_HasAbout5000AssetsOfEveryKind()
    {
        Default.Today.Assets.Count.Should().BeInRange(4500, 5500);
        Default.AssetCount.Should().BeInRange(4500, 5500);
        var kinds = Default.Today.Assets.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        kinds[AssetKind.Device].Should().BeGreaterThan(1000);
        kinds[AssetKind.Identity].Should().BeGreaterThan(1000);
        kinds[AssetKind.CloudResource].Should().BeGreaterThan(200);
        kinds[AssetKind.SaaSApp].Should().BeGreaterThan(50);
        Default.Today.Assets.Should().OnlyContain(a => a.Criticality != null && a.Tags.Count > 0 && !string.IsNullOrWhiteSpace(a.Name));
        Default.Today.Assets.Select(a => a.Criticality).Distinct().Should().HaveCount(4);
    }

    [Fact]
    public void Today_HasAbout150RealisticRecommendations()
    {
        var recommendations = Default.Today.Recommendations;

        recommendations.Count.Should().BeInRange(140, 170);
        recommendations.Should().OnlyContain(r =>
            r.Description!.Length > 30 && r.RemediationSteps.Count > 0 && r.ManageUrl!.Scheme == Uri.UriSchemeHttps && r.Tags.Count > 0);
        recommendations.Select(r => r.Name).Should().OnlyHaveUniqueItems();
        recommendations.Should().NotContain(r => r.Description!.Contains("lorem", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Today_UsesAll26WellKnownWorkloadsAndTheMainSources()
    {
        var recommendations = Default.Today.Recommendations;

        recommendations.Select(r => r.Workload).Distinct().Should().BeEquivalentTo(Workload.WellKnown);
        recommendations.Select(r => r.Source).Distinct().Should().Contain(
            [RecommendationSource.MicrosoftSecureScore, RecommendationSource.DefenderForCloud, RecommendationSource.CisBenchmark]);
        recommendations.Select(r => r.Domain).Distinct().Should().BeEquivalentTo(SecurityDomain.WellKnown);
    }

    [Fact]
    public void Today_MixesPerAssetCountOnlyAndExplicitStates()
    {
        var today = Default.Today;
        var assessed = today.Assessments.Select(a => a.RecommendationId).ToHashSet();

        today.Assessments.Count.Should().BeGreaterThan(20_000);
        today.Assessments.Select(a => a.Status).Distinct().Should().BeEquivalentTo([AssessmentStatus.Healthy, AssessmentStatus.Unhealthy, AssessmentStatus.NotApplicable]);
        today.Recommendations.Count(r => r.Counts is not null).Should().BeGreaterThan(20);
        today.Recommendations.Should().OnlyContain(r => r.Counts == null || !assessed.Contains(r.Id));
        today.Recommendations.Should().Contain(r => r.Counts == null && !assessed.Contains(r.Id), "one recommendation has no data (NotAvailable)");
        today.Recommendations.Should().Contain(r => r.State == ComplianceState.MitigatedByOrganization);
        today.Recommendations.Should().Contain(r => r.IsRiskAccepted);
        today.Recommendations.Should().Contain(r => r.MaxPoints != null).And.Contain(r => r.MaxPoints == null);
    }

    [Fact]
    public void Today_IsScoredWithTheBuiltInCatalogsMetricsAndInitiatives()
    {
        var today = Default.Today;
        var catalog = ExposureCatalog.BuiltIn;

        today.Metrics.Select(m => m.Id).Should().Equal(catalog.Metrics.Select(m => m.Id));
        foreach (var metric in today.Metrics)
        {
            var builtIn = catalog.FindMetric(metric.Id)!;
            metric.Weight.Should().Be(builtIn.Weight);
            metric.RecommendationIds.Should().BeEmpty("the demo defines no membership of its own");
            metric.Selector.Should().BeEquivalentTo(builtIn.Selector, "the catalog's real selectors");
        }

        var predefined = today.Initiatives.Where(i => i.Kind != InitiativeKind.ThreatAnalytics).ToList();
        predefined.Select(i => i.Id).Should().Equal(catalog.Initiatives.Select(i => i.Id));
        foreach (var initiative in predefined)
        {
            var builtIn = catalog.FindInitiative(initiative.Id)!;
            initiative.Name.Should().Be(builtIn.Name);
            initiative.Kind.Should().Be(builtIn.Kind);
            initiative.MetricIds.Should().Equal(builtIn.MetricIds);
            initiative.RecommendationIds.Should().BeEmpty();
        }

        today.Initiatives.Should().Contain(i => i.Name == "Endpoint Security" && i.IsFavorite && i.TargetScore == 85, "targets and favorites are the organization's settings");
        today.Initiatives.Should().Contain(i => i.Kind == InitiativeKind.ThreatAnalytics && i.IsRecommendationOnly);
        Default.GetSnapshot(1).Initiatives.Count.Should().Be(today.Initiatives.Count - 1, "a threat-analytics initiative appears today");
    }

    [Fact]
    public void Today_ScoresLikeTheCatalogAppliedToWhatTheSourcesReported()
    {
        var today = Default.Today;
        var reported = new ExposureSnapshot(
            today.TenantId, today.AsOf, today.Recommendations, today.Assets, today.Assessments, [],
            today.Initiatives.Where(i => i.Kind == InitiativeKind.ThreatAnalytics));

        var expected = ExposureScorer.Score(ExposureCatalog.BuiltIn.ApplyTo(reported));
        var actual = ExposureScorer.Score(today);

        actual.Metrics.Select(m => (m.Id, m.Score, m.Scope, m.Affected)).Should().Equal(expected.Metrics.Select(m => (m.Id, m.Score, m.Scope, m.Affected)));
        actual.Initiatives.Select(i => (i.Id, i.Score)).Should().BeEquivalentTo(expected.Initiatives.Select(i => (i.Id, i.Score)));
    }

    [Fact]
    public void Today_OnlyMetricsWithoutAnySourceInTheTenantAreUnavailable()
    {
        var report = ExposureScorer.Score(Default.Today);

        // No source of the demo assesses IoT or OT devices, and there is no Defender EASM; the demo's
        // Defender for Cloud recommendations assess no network security group or public IP (its NSG
        // controls come from a CIS benchmark, which carries no Defender resourceType: tags); its
        // controls map to no requirement of CIS Microsoft 365 sections 4 (Intune) or 9 (Fabric).
        report.Metrics.Where(m => !m.IsAvailable).Select(m => m.Id.Value).Should().BeEquivalentTo(
            ["iot-defender-for-iot", "iot-enterprise-devices", "ot-devices", "external-easm", "cloud-network-security-groups", "cloud-public-ips",
             "cis-m365-section-4", "cis-m365-section-9"]);
        var organization = Default.Today.Assets.ToLookup(a => a.Tags[0]);
        report.FindMetric("cloud-virtual-machines")!.Scope.Should().Be(organization["azure-vm"].Count(), "every demo VM is assessed by Defender for Cloud");
        report.FindMetric("cloud-key-vaults")!.Scope.Should().Be(organization["key-vault"].Count());
        report.FindMetric("cloud-high-severity")!.IsAvailable.Should().BeTrue();
        report.FindMetric("critical-asset-tagged")!.Scope.Should().BeGreaterThan(100);
        report.FindMetric("ransomware-tagged")!.Scope.Should().BeGreaterThan(1000);
        report.FindMetric("cis-m365-section-1")!.IsAvailable.Should().BeTrue();
        report.FindInitiative("cis-m365-foundations")!.Score.Should().NotBeNull();
    }

    [Fact]
    public void History_SameSeed_GivesTheSameScoresAndEventsEveryDay()
    {
        var again = DemoTenant.Create(DemoTenantOptions.DefaultSeed);
        var other = DemoTenant.Create(7);

        var expected = ScoresAndEvents(Default);
        ScoresAndEvents(again).Should().Equal(expected, "the history and its events are a pure function of the seed");
        ScoresAndEvents(other).Should().NotEqual(expected);
        expected.Should().Contain(line => line.StartsWith("MetricScoreDrop", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("NewInitiative", StringComparison.Ordinal));
    }

    [Fact]
    public void GetHistory_ReturnsOneSnapshotPerDayOldestFirst()
    {
        var history = Default.GetHistory().ToList();

        history.Should().HaveCount(61);
        history.Zip(history.Skip(1)).Should().OnlyContain(p => p.Second.AsOf - p.First.AsOf == TimeSpan.FromDays(1));
        history[^1].Should().BeSameAs(Default.Today);
        Default.GetHistory(14).Should().HaveCount(15);
    }

    [Fact]
    public void GetHistory_AssetsJoinDuringTheHistory()
    {
        Default.GetSnapshot(60).Assets.Count.Should().BeLessThan(Default.Today.Assets.Count);
    }

    [Fact]
    public void GetSnapshot_OutOfRange_Throws()
    {
        var act = () => Default.GetSnapshot(61);
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Default.GetSnapshot(-1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0, 5000)]
    [InlineData(400, 5000)]
    [InlineData(60, 100)]
    [InlineData(60, 300_000)]
    public void Create_OptionsOutOfRange_ThrowsNamingTheOption(int historyDays, int assetCount)
    {
        var act = () => DemoTenant.Create(new DemoTenantOptions { HistoryDays = historyDays, AssetCount = assetCount });

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .WithMessage(historyDays is < 1 or > 365 ? "*HistoryDays must be between 1 and 365*" : "*AssetCount must be between 500 and 200000*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_EmptyTenantId_ThrowsNamingIt(string? tenantId)
    {
        var act = () => DemoTenant.Create(new DemoTenantOptions { TenantId = tenantId! });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*TenantId*");
    }

    [Fact]
    public void Create_SmallerTenant_KeepsTheMix()
    {
        var small = DemoTenant.Create(new DemoTenantOptions { AssetCount = 1000, HistoryDays = 10, TenantId = "fabrikam" });

        small.Today.Assets.Count.Should().BeInRange(900, 1100);
        small.Today.TenantId.Should().Be("fabrikam");
        small.GetHistory().Should().HaveCount(11);
    }

    [Fact]
    public void History_HasMetricAndInitiativeDropsAboveAndBelowTwoPoints()
    {
        var cards = Default.GetHistory().Select(s => ScoreCard.FromReport(ExposureScorer.Score(s))).ToList();
        var metricDrops = new List<double>();
        var initiativeDrops = new List<double>();
        for (var d = 1; d < cards.Count; d++)
        {
            foreach (var metric in cards[d].Metrics)
            {
                if (metric.Score is { } now && cards[d - 1].FindMetric(metric.Id)?.Score is { } before && before > now)
                {
                    metricDrops.Add(before - now);
                }
            }

            foreach (var initiative in cards[d].Initiatives)
            {
                if (initiative.Score is { } now && cards[d - 1].FindInitiative(initiative.Id)?.Score is { } before && before > now)
                {
                    initiativeDrops.Add(before - now);
                }
            }
        }

        metricDrops.Should().Contain(x => x >= 2).And.Contain(x => x < 2);
        initiativeDrops.Should().Contain(x => x >= 2).And.Contain(x => x < 2);
        metricDrops.Count(x => x >= 2).Should().BeGreaterThan(10, "two months of drift bring many metric events");
    }

    [Fact]
    public void Today_VersusYesterday_RaisesMetricDropInitiativeDropAndNewInitiativeEvents()
    {
        var yesterday = ScoreCard.FromReport(ExposureScorer.Score(Default.GetSnapshot(1)));
        var today = ScoreCard.FromReport(ExposureScorer.Score(Default.Today));

        var events = ScoreDropDetector.Detect(yesterday, today);

        events.Select(e => e.Kind).Distinct().Should().BeEquivalentTo(
            [SecurityEventKind.MetricScoreDrop, SecurityEventKind.InitiativeScoreDrop, SecurityEventKind.NewInitiative]);
        events.Should().Contain(e => e.SubjectId == "vulnerability-management" && e.Drop > 2, "today's browser zero-day");
    }

    [Fact]
    public void Today_UnassessedMetricsAndTheirInitiativesAreUnavailable()
    {
        var report = ExposureScorer.Score(Default.Today);

        report.FindMetric("ot-devices")!.IsAvailable.Should().BeFalse();
        report.FindInitiative("ot-security")!.Score.Should().BeNull();
        report.FindInitiative("endpoint-security")!.Score.Should().NotBeNull("its catalog metrics select the demo's device recommendations");
        report.SecureScore.Percentage.Should().BeInRange(40, 95);
    }

    /// <summary>Every day's metric and initiative scores (to the bit) and the events between consecutive days, over the last 14 days.</summary>
    private static List<string> ScoresAndEvents(DemoTenant tenant)
    {
        var lines = new List<string>();
        ScoreCard? previous = null;
        foreach (var snapshot in tenant.GetHistory(14))
        {
            var report = ExposureScorer.Score(snapshot);
            lines.AddRange(report.Metrics.Select(m => $"metric {snapshot.AsOf:O} {m.Id} {m.Score:R} {m.Scope} {m.Affected}"));
            lines.AddRange(report.Initiatives.Select(i => $"initiative {snapshot.AsOf:O} {i.Id} {i.Score:R}"));
            var card = ScoreCard.FromReport(report);
            if (previous is not null)
            {
                lines.AddRange(ScoreDropDetector.Detect(previous, card).Select(e => $"{e.Kind} {e.SubjectId} {e.PreviousScore:R} {e.CurrentScore:R}"));
            }

            previous = card;
        }

        return lines;
    }

    private static List<string> Fingerprint(ExposureSnapshot snapshot)
    {
        var lines = new List<string> { $"{snapshot.TenantId} {snapshot.AsOf:O}" };
        lines.AddRange(snapshot.Assets.Select(a => $"{a.Id} {a.Kind} {a.Name} {a.Criticality} {string.Join(',', a.Tags)}"));
        lines.AddRange(snapshot.Recommendations.Select(r => $"{r.Id} {r.State} {r.Counts} {r.LastStateChange:O} {r.LastCalculated:O}"));
        lines.AddRange(snapshot.Assessments.Select(a => $"{a.RecommendationId} {a.AssetId} {a.Status}"));
        lines.AddRange(snapshot.Metrics.Select(m => m.Id.Value));
        lines.AddRange(snapshot.Initiatives.Select(i => i.Id.Value));
        return lines;
    }
}
