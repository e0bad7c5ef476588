using ExposureSdk.Catalog;
using ExposureSdk.Scoring;

namespace ExposureSdk.Tests.Catalog;

/// <summary><see cref="ComplianceTags"/> and the opt-in <see cref="ExposureCatalog.WithComplianceInitiatives"/>.</summary>
public sealed class ComplianceInitiativesTests
{
    private const string Azure2 = "CIS Microsoft Azure Foundations Benchmark v2.0";
    private const string Aws3 = "CIS Amazon Web Services Foundations Benchmark v3.0";

    private static Recommendation Rec(string id, params string[] tags)
        => new(id, "Check " + id, RecommendationSource.CisBenchmark, Workload.Parse("Microsoft Azure"), SecurityDomain.Cloud, Impact.Medium, tags: tags);

    [Theory]
    [InlineData("6.3.1", "6")]
    [InlineData("12", "12")]
    [InlineData(" 1.20 ", "1")]
    [InlineData("T1190", null)]
    [InlineData("op.ext.7.aws.am.1", null)]
    [InlineData("1a.2", null)]
    [InlineData("1234567.1", null)]
    [InlineData("", null)]
    public void SectionOf_NumberedRequirement_IsItsLeadingNumber(string requirement, string? section)
        => ComplianceTags.SectionOf(requirement).Should().Be(section);

    [Fact]
    public void TryParseSection_ReadsTheFrameworkUpToTheLastColonAndRejectsAnythingElse()
    {
        ComplianceTags.TryParseSection(ComplianceTags.Section(Azure2, "5"), out var framework, out var section).Should().BeTrue();
        (framework, section).Should().Be((Azure2, "5"));
        ComplianceTags.TryParseSection("Compliance-Section:NIST: Rev 5:3", out framework, out section).Should().BeTrue("the prefix in any case; a framework may hold a colon");
        (framework, section).Should().Be(("NIST: Rev 5", "3"));
        foreach (var tag in new[] { "compliance:" + Azure2 + ":5.1", "compliance-section:" + Azure2 + ":5.1", "compliance-section::5", "compliance-section:x:", "compliance-section:x:1234567", "compliance-section:5", "cis-m365-section:1", null })
        {
            ComplianceTags.TryParseSection(tag, out _, out _).Should().BeFalse(tag ?? "null");
        }
    }

    [Fact]
    public void Builders_MakeTheTagsTheScannerProvidersWrite()
    {
        ComplianceTags.Requirement(" " + Azure2, "5.1.1 ").Should().Be("compliance:" + Azure2 + ":5.1.1");
        ComplianceTags.Section(Azure2, "5").Should().Be("compliance-section:" + Azure2 + ":5");
        FluentActions.Invoking(() => ComplianceTags.Section(Azure2, "5.1")).Should().Throw<ArgumentException>().WithParameterName("section");
        FluentActions.Invoking(() => ComplianceTags.Section(" ", "5")).Should().Throw<ArgumentException>().WithParameterName("framework");
        FluentActions.Invoking(() => ComplianceTags.Requirement(Azure2, "")).Should().Throw<ArgumentException>().WithParameterName("requirement");
        ComplianceTags.IsCisMicrosoft365("CIS Microsoft 365 Foundations Benchmark v4.0").Should().BeTrue();
        ComplianceTags.IsCisMicrosoft365("cis microsoft 365 foundations benchmark").Should().BeTrue();
        ComplianceTags.IsCisMicrosoft365(Azure2).Should().BeFalse();
    }

    [Fact]
    public void WithComplianceInitiatives_OneInitiativePerFrameworkOneMetricPerSectionInNumericOrder()
    {
        Recommendation[] recommendations =
        [
            Rec("a", ComplianceTags.Section(Azure2, "10"), ComplianceTags.Section(Aws3, "1")),
            Rec("b", ComplianceTags.Section(Azure2, "2"), "compliance:MITRE-ATTACK:T1190"),
            Rec("c", ComplianceTags.Section(Azure2.ToUpperInvariant(), "2")),
        ];

        var catalog = ExposureCatalog.Empty.WithComplianceInitiatives(recommendations);

        catalog.Initiatives.Select(i => (i.Id.Value, i.Name, i.Kind)).Should().Equal(
            ("compliance-cis-amazon-web-services-foundations-benchmark-v3-0", Aws3, InitiativeKind.Compliance),
            ("compliance-cis-microsoft-azure-foundations-benchmark-v2-0", Azure2, InitiativeKind.Compliance));
        var azure = catalog.Initiatives[1];
        azure.MetricIds.Select(m => m.Value).Should().Equal(
            "compliance-cis-microsoft-azure-foundations-benchmark-v2-0-section-2",
            "compliance-cis-microsoft-azure-foundations-benchmark-v2-0-section-10");
        var section2 = catalog.FindMetric(azure.MetricIds[0])!;
        section2.Name.Should().Be(Azure2 + ": section 2");
        section2.Weight.Should().Be(MetricWeight.Medium);
        section2.Selector!.Tags.Should().Equal("compliance-section:" + Azure2 + ":2");
        recommendations.Where(section2.Selector.Matches).Select(r => r.Id.Value).Should().Equal(["b", "c"], "frameworks and tags compare case-insensitively");
        catalog.Initiatives.Should().NotContain(i => i.Name.Contains("MITRE", StringComparison.Ordinal), "its requirements are not numbered: no sections");
    }

    [Fact]
    public void WithComplianceInitiatives_Filter_KeepsOnlyTheChosenFrameworks_AndIsOptIn()
    {
        var recommendations = new[] { Rec("a", ComplianceTags.Section(Azure2, "1"), ComplianceTags.Section("KISA-ISMS-P-2023", "2")) };

        var cisOnly = ExposureCatalog.BuiltIn.WithComplianceInitiatives(recommendations, f => f.StartsWith("CIS", StringComparison.OrdinalIgnoreCase));

        cisOnly.Initiatives.Should().HaveCount(ExposureCatalog.BuiltIn.Initiatives.Count + 1);
        cisOnly.Initiatives[^1].Name.Should().Be(Azure2);
        cisOnly.Metrics.Take(ExposureCatalog.BuiltIn.Metrics.Count).Should().Equal(ExposureCatalog.BuiltIn.Metrics, "the catalog's own entries come first, unchanged");
        ExposureCatalog.BuiltIn.Initiatives.Should().NotContain(i => i.Id.Value.StartsWith("compliance-", StringComparison.Ordinal), "the built-in catalog adds none by itself");
    }

    [Fact]
    public void WithComplianceInitiatives_IdTheCatalogAlreadyHas_KeepsTheCatalogsEntry()
    {
        var mine = new Initiative("compliance-cis-microsoft-azure-foundations-benchmark-v2-0", "Our Azure benchmark", InitiativeKind.Compliance, recommendationIds: ["x"]);
        var catalog = new ExposureCatalog([], [mine]);

        var result = catalog.WithComplianceInitiatives([Rec("a", ComplianceTags.Section(Azure2, "1"))]);

        result.Initiatives.Should().ContainSingle().Which.Should().BeSameAs(mine);
        result.Metrics.Should().ContainSingle("the section metric is still added, unused");
    }

    [Fact]
    public void WithComplianceInitiatives_HostileTags_AreBoundedAndSlugsStayUnique()
    {
        var tags = Enumerable.Range(0, 600).Select(i => ComplianceTags.Section("F" + i, (i % 300).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(Enumerable.Range(1, 400).Select(i => ComplianceTags.Section("Big", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();
        var recommendations = tags.Chunk(100).Select((t, i) => Rec("r" + i, t))
            .Append(Rec("slugs", ComplianceTags.Section("CIS v1.0", "1"), ComplianceTags.Section("CIS v1-0", "1"), ComplianceTags.Section("!!!", "1")));

        var catalog = ExposureCatalog.Empty.WithComplianceInitiatives(recommendations);

        catalog.Initiatives.Should().HaveCount(256);
        catalog.Metrics.Should().OnlyHaveUniqueItems(m => m.Id);
        var all = ExposureCatalog.Empty.WithComplianceInitiatives([Rec("big", tags[600..]), Rec("slugs", ComplianceTags.Section("CIS v1.0", "1"), ComplianceTags.Section("CIS v1-0", "1"), ComplianceTags.Section("!!!", "1"))]);
        all.FindInitiative("compliance-big")!.MetricIds.Should().HaveCount(256, "at most 256 sections per framework");
        all.Initiatives.Select(i => i.Id.Value).Should().Contain(["compliance-framework", "compliance-cis-v1-0", "compliance-cis-v1-0-2"]);
    }

    [Fact]
    public void WithComplianceInitiatives_NullInput_Throws()
    {
        FluentActions.Invoking(() => ExposureCatalog.Empty.WithComplianceInitiatives(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ExposureCatalog.Empty.WithComplianceInitiatives([null!])).Should().Throw<ArgumentNullException>().WithMessage("*recommendations[0]*");
    }

    [Fact]
    public void BuiltInCisMicrosoft365_ScoresEachSectionFromTheVersionIndependentSectionTags()
    {
        var asOf = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        Recommendation[] recommendations =
        [
            Rec("admins", ComplianceTags.CisMicrosoft365SectionPrefix + "1"),
            Rec("mfa", ComplianceTags.CisMicrosoft365SectionPrefix + "5"),
            Rec("guests", ComplianceTags.CisMicrosoft365SectionPrefix + "5"),
        ];
        Assessment[] assessments =
        [
            new("admins", "tenant", AssessmentStatus.Unhealthy),
            new("mfa", "tenant", AssessmentStatus.Healthy),
            new("guests", "tenant", AssessmentStatus.Healthy),
        ];

        var report = ExposureScorer.Score(ExposureCatalog.BuiltIn.ApplyTo(new ExposureSnapshot("contoso", asOf, recommendations, assessments: assessments)));

        report.FindMetric("cis-m365-section-1")!.Score.Should().Be(0);
        report.FindMetric("cis-m365-section-5")!.Score.Should().Be(100);
        report.FindMetric("cis-m365-section-6")!.IsAvailable.Should().BeFalse();
        report.FindInitiative("cis-m365-foundations")!.Score.Should().Be(50, "two available sections of equal weight, 0 and 100");
    }
}
