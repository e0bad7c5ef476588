using ExposureSdk.Catalog;
using ExposureSdk.Scoring;

namespace ExposureSdk.Tests.Catalog;

public sealed class ExposureCatalogTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private static Recommendation Rec(string id, SecurityDomain domain, Workload workload, ResultCounts? counts, string[]? threats = null, string[]? tags = null, RecommendationSource? source = null)
        => new(id, "Recommendation " + id, source ?? RecommendationSource.MicrosoftSecureScore, workload, domain, Impact.High, maxPoints: 5, threats: threats, tags: tags, counts: counts);

    [Fact]
    public void BuiltIn_Initiatives_AreTheThirteenPredefinedInitiativesWithExactNames()
        => ExposureCatalog.BuiltIn.Initiatives.Select(i => i.Name).Should().Equal(
            "Business Email Compromise - Financial fraud",
            "CIS Microsoft 365 Foundations Benchmark",
            "Cloud Security",
            "Critical Asset Protection",
            "Endpoint Security",
            "Enterprise IoT Security",
            "External Attack Surface Protection",
            "Identity Security",
            "OT Security",
            "Ransomware Protection",
            "SaaS Security",
            "Vulnerability Assessment",
            "Zero Trust (Foundational)");

    [Fact]
    public void BuiltIn_Ids_AreUnique()
    {
        ExposureCatalog.BuiltIn.Initiatives.Select(i => i.Id).Should().OnlyHaveUniqueItems();
        ExposureCatalog.BuiltIn.Metrics.Select(m => m.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void BuiltIn_EveryReferencedMetric_ExistsAndEveryMetricIsUsed()
    {
        var catalog = ExposureCatalog.BuiltIn;
        var referenced = catalog.Initiatives.SelectMany(i => i.MetricIds).ToHashSet();

        referenced.Should().OnlyContain(id => catalog.FindMetric(id) != null);
        catalog.Metrics.Select(m => m.Id).Should().OnlyContain(id => referenced.Contains(id), "a catalog metric no initiative uses is dead data");
    }

    [Fact]
    public void BuiltIn_EveryInitiative_HasMetricsAndEveryMetricASelector()
    {
        ExposureCatalog.BuiltIn.Initiatives.Should().OnlyContain(i => i.MetricIds.Count >= 2 && !i.IsRecommendationOnly);
        ExposureCatalog.BuiltIn.Metrics.Should().OnlyContain(m => m.Selector != null && !m.Selector.IsEmpty && m.RecommendationIds.Count == 0 && m.Description != null);
    }

    [Fact]
    public void BuiltIn_InitiativeKinds_MatchTheirGoals()
    {
        var catalog = ExposureCatalog.BuiltIn;

        catalog.FindInitiative("zero-trust-foundational")!.Kind.Should().Be(InitiativeKind.ZeroTrust);
        catalog.FindInitiative("external-attack-surface")!.Kind.Should().Be(InitiativeKind.ExternalAttackSurface);
        catalog.FindInitiative("cis-m365-foundations")!.Kind.Should().Be(InitiativeKind.Compliance);
        catalog.FindInitiative("ransomware-protection")!.Kind.Should().Be(InitiativeKind.HorizontalThreat);
        catalog.FindInitiative("identity-security")!.Kind.Should().Be(InitiativeKind.Workload);
    }

    [Fact]
    public void Merge_ExistingMetricId_ReplacesItInPlace()
    {
        var replacement = new Metric("identity-entra-id", "Entra ID (ours)", MetricWeight.Low, selector: new MetricSelector(tags: ["ours"]));

        var merged = ExposureCatalog.BuiltIn.Merge(metrics: [replacement]);

        merged.FindMetric("identity-entra-id").Should().BeSameAs(replacement);
        merged.Metrics.Should().HaveCount(ExposureCatalog.BuiltIn.Metrics.Count);
        merged.Metrics.Select(m => m.Id).Should().Equal(ExposureCatalog.BuiltIn.Metrics.Select(m => m.Id), "an override keeps the position");
        ExposureCatalog.BuiltIn.FindMetric("identity-entra-id")!.Name.Should().NotBe("Entra ID (ours)", "the built-in catalog is immutable");
    }

    [Fact]
    public void Merge_NewInitiativeWithNewMetric_IsAppended()
    {
        var metric = new Metric("finance-apps", "Finance apps", MetricWeight.High, selector: new MetricSelector(tags: ["finance"]));
        var initiative = new Initiative("finance", "Finance protection", InitiativeKind.HorizontalThreat, metricIds: ["finance-apps", "email-protection"]);

        var merged = ExposureCatalog.BuiltIn.Merge([metric], [initiative]);

        merged.Initiatives.Should().HaveCount(14);
        merged.Initiatives[^1].Should().BeSameAs(initiative);
        merged.Metrics[^1].Should().BeSameAs(metric);
    }

    [Fact]
    public void Merge_OverriddenInitiative_CanDropAndAddMetrics()
    {
        var identity = new Initiative("identity-security", "Identity Security", InitiativeKind.Workload, metricIds: ["identity-entra-id"], targetScore: 90, isFavorite: true);

        var merged = ExposureCatalog.BuiltIn.Merge(initiatives: [identity]);

        merged.FindInitiative("identity-security")!.MetricIds.Should().Equal(new MetricId("identity-entra-id"));
        merged.FindInitiative("identity-security")!.TargetScore.Should().Be(90);
    }

    [Fact]
    public void Merge_InitiativeWithUnknownMetric_ThrowsNamingIt()
    {
        var act = () => ExposureCatalog.BuiltIn.Merge(initiatives: [new Initiative("x", "X", InitiativeKind.Workload, metricIds: ["no-such-metric"])]);

        act.Should().Throw<ArgumentException>().WithMessage("*initiatives[13].metricIds[0] 'no-such-metric'*");
    }

    [Fact]
    public void Merge_SameIdTwice_Throws()
    {
        var metric = new Metric("m", "M", MetricWeight.Low, selector: new MetricSelector(tags: ["t"]));

        var act = () => ExposureCatalog.Empty.Merge(metrics: [metric, metric]);

        act.Should().Throw<ArgumentException>().WithMessage("*metrics[1] repeats the id 'm'*");
    }

    [Fact]
    public void Remove_MetricStillUsedByAnInitiative_Throws()
    {
        var act = () => ExposureCatalog.BuiltIn.Remove(metricIds: ["ot-devices"]);

        act.Should().Throw<ArgumentException>().WithMessage("*'ot-devices' names no metric*");
    }

    [Fact]
    public void Remove_InitiativeAndItsOnlyMetric_Works()
    {
        var reduced = ExposureCatalog.BuiltIn.Remove(metricIds: ["ot-devices"], initiativeIds: ["ot-security"]);

        reduced.Initiatives.Should().HaveCount(12);
        reduced.FindInitiative("ot-security").Should().BeNull();
        reduced.FindMetric("ot-devices").Should().BeNull();
    }

    [Fact]
    public void Constructor_DuplicateInitiativeId_ThrowsNamingPosition()
    {
        var metric = new Metric("m", "M", MetricWeight.Low, selector: new MetricSelector(tags: ["t"]));
        var initiative = new Initiative("i", "I", InitiativeKind.Workload, metricIds: ["m"]);

        var act = () => new ExposureCatalog([metric], [initiative, initiative]);

        act.Should().Throw<ArgumentException>().WithMessage("initiatives[1] repeats the id 'i'*");
    }

    [Fact]
    public void ApplyTo_EmptySnapshot_AddsEveryInitiativeAndMetric()
    {
        var applied = ExposureCatalog.BuiltIn.ApplyTo(new ExposureSnapshot("contoso", AsOf));

        applied.Initiatives.Should().HaveCount(13);
        applied.Metrics.Should().HaveCount(ExposureCatalog.BuiltIn.Metrics.Count);
        applied.TenantId.Should().Be("contoso");
        applied.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void ApplyTo_SnapshotDefinesTheSameIds_KeepsTheSnapshotsOwn()
    {
        var rec = Rec("r1", SecurityDomain.Identity, Workload.MicrosoftEntraId, new ResultCounts(1, 4));
        var own = new Metric("identity-entra-id", "Source-defined", MetricWeight.Medium, recommendationIds: ["r1"]);
        var ownInitiative = new Initiative("identity-security", "Identity (source)", InitiativeKind.Workload, metricIds: ["identity-entra-id"]);
        var snapshot = new ExposureSnapshot("contoso", AsOf, [rec], metrics: [own], initiatives: [ownInitiative]);

        var applied = ExposureCatalog.BuiltIn.ApplyTo(snapshot);

        applied.Metrics.Single(m => m.Id == "identity-entra-id").Should().BeSameAs(own);
        applied.Initiatives.Single(i => i.Id == "identity-security").Should().BeSameAs(ownInitiative);
        applied.Initiatives.Should().HaveCount(13);
    }

    [Fact]
    public void ApplyTo_CatalogListsRecommendationsTheTenantLacks_LeavesThemOut()
    {
        var catalog = ExposureCatalog.Empty.Merge(
            [new Metric("m", "M", MetricWeight.High, recommendationIds: ["present", "absent"])],
            [new Initiative("i", "I", InitiativeKind.ThreatAnalytics, recommendationIds: ["absent", "present"]), new Initiative("j", "J", InitiativeKind.Workload, metricIds: ["m"])]);
        var snapshot = new ExposureSnapshot("contoso", AsOf, [Rec("present", SecurityDomain.Data, Workload.PurviewInformationProtection, new ResultCounts(0, 1))]);

        var applied = catalog.ApplyTo(snapshot);

        applied.Metrics.Single().RecommendationIds.Should().Equal(new RecommendationId("present"));
        applied.Initiatives[0].RecommendationIds.Should().Equal(new RecommendationId("present"));
    }

    [Fact]
    public void ApplyTo_ThenScore_InitiativeWithoutDataIsUnavailableNotZeroOrHundred()
    {
        var recommendations = new[]
        {
            Rec("mfa", SecurityDomain.Identity, Workload.MicrosoftEntraId, new ResultCounts(3, 10), threats: ["accountBreach"]),
            Rec("asr", SecurityDomain.Devices, Workload.DefenderForEndpoint, new ResultCounts(0, 20)),
        };

        var report = ExposureScorer.Score(ExposureCatalog.BuiltIn.ApplyTo(new ExposureSnapshot("contoso", AsOf, recommendations)));

        report.FindInitiative("ot-security")!.Score.Should().BeNull("no recommendation is tagged ot or comes from Defender for IoT");
        report.FindMetric("ot-devices")!.IsAvailable.Should().BeFalse();
        report.FindMetric("identity-entra-id")!.Score.Should().BeApproximately(70, 1e-9, "3 of 10 affected");
        report.FindMetric("endpoint-defender")!.Score.Should().Be(100);
        report.FindInitiative("endpoint-security")!.Score.Should().Be(100, "every available endpoint metric is at 100");
        report.FindInitiative("identity-security")!.Score.Should().BeApproximately(70, 1e-9, "entra (High) and account breach (High) are both 70; the others are unavailable");
    }
}
