using ExposureSdk.History;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>
/// Coverage through the refresh pipeline (domain rules §2): the pull reports the source's status, detail,
/// one part per subscription and the Defender for Cloud score; inactive subscriptions show nothing.
/// </summary>
public sealed class DefenderForCloudCoverageTests
{
    internal static async Task<RefreshResult> RefreshAsync(DefenderForCloudProvider provider)
    {
        var pipeline = new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), new ExposureRefreshPipelineOptions { TenantId = "contoso" });
        return await pipeline.RefreshAsync().WaitAsync(Arm.Bound);
    }

    [Fact]
    public async Task Pull_CspmOffOnOneSubscription_RefreshReportsLimitedCloudDataAndShowsTheRecords()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Production", 60), new GeneratedSubscription(Arm.Sub2, "Foundational", 40, CspmOn: false));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);

        var result = await RefreshAsync(provider);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        outcome.Succeeded.Should().BeTrue();
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Detail.Should().StartWith("limited cloud data: Defender CSPM is off on 1 of 2 subscription(s)");
        outcome.Coverage.Parts.Select(p => (p.Name, p.Status)).Should().Equal((Arm.Sub1, SourceStatus.Active), (Arm.Sub2, SourceStatus.Limited));
        outcome.Coverage.Parts[1].Detail.Should().Contain("Defender CSPM plan (CloudPosture) is Free");
        var (current1, max1) = tenant.ExpectedPoints(Arm.Sub1);
        var (current2, max2) = tenant.ExpectedPoints(Arm.Sub2);
        outcome.Coverage.Score!.Value.AchievedPoints.Should().BeApproximately(current1 + current2, 1e-9);
        outcome.Coverage.Score.Value.MaxPoints.Should().Be(max1 + max2);
        outcome.Counts.Assets.Should().Be(100);
        outcome.Counts.AssessedResults.Should().Be(tenant.Assessments.Count(a => a.Status != "NotApplicable"));
        result.Snapshot.Assessments.Should().Contain(a => a.AssetId.Value.Contains(Arm.Sub2, StringComparison.Ordinal), "a limited subscription is still shown");
        result.IsFullCoverage.Should().BeFalse();
    }

    [Fact]
    public async Task Pull_DefenderNotEnabledOnOneSubscription_ItIsAnInactivePartAndShowsNothing()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "On", 50), new GeneratedSubscription(Arm.Sub2, "Off", 50, DefenderOn: false));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var result = await RefreshAsync(provider);

        var coverage = result.FindOutcome(DefenderForCloudProvider.ProviderName)!.Coverage;
        coverage.Status.Should().Be(SourceStatus.Active, "an inactive subscription beside an active one leaves the source active");
        coverage.Parts.Single(p => p.Name == Arm.Sub2).Status.Should().Be(SourceStatus.Inactive);
        result.Snapshot.Assessments.Should().NotBeEmpty().And.NotContain(a => a.AssetId.Value.Contains(Arm.Sub2, StringComparison.Ordinal));
        result.Snapshot.Assets.Should().NotContain(a => a.Id.Value.Contains(Arm.Sub2, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pull_DefenderNotEnabledAnywhere_SourceIsInactiveAndNoRecommendationIsShown()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Off", 30, DefenderOn: false), new GeneratedSubscription(Arm.Sub2, "Off too", 30, DefenderOn: false));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var result = await RefreshAsync(provider);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        outcome.Coverage.Status.Should().Be(SourceStatus.Inactive);
        outcome.Coverage.Detail.Should().Contain("not enabled on any of the 2 subscription(s)");
        outcome.Coverage.Score.Should().BeNull();
        result.Snapshot.Recommendations.Should().BeEmpty();
        result.Snapshot.Assessments.Should().BeEmpty();
    }

    [Fact]
    public async Task Pull_OneSubscriptionForbidden_OthersAreShown_TheSubscriptionIsListed_AndWhatItFeedsIsStaleNeverDropped()
    {
        // The REST path reads each subscription on its own, so one can answer 403 while the others answer.
        const DefenderForCloudReadPath path = DefenderForCloudReadPath.Rest;
        var locked = false;
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Production", 40), new GeneratedSubscription(Arm.Sub2, "Locked", 40))
        {
            Intercept = r => locked && r.Path.StartsWith($"/subscriptions/{Arm.Sub2}/", StringComparison.Ordinal)
                ? ArmResponse.Error(403, "AuthorizationFailed", ("x-ms-request-id", "req-forbidden-2"))
                : null,
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.ReadPath = path);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero));
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso" };
        options.AddCatalog(Catalog.ExposureCatalog.BuiltIn);
        var pipeline = new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), options, timeProvider: clock);
        var yesterday = await pipeline.RefreshAsync().WaitAsync(Arm.Bound);
        yesterday.Card.Metrics.Should().Contain(m => m.Availability == ScoreCards.ScoreAvailability.Available, "both subscriptions were read yesterday");

        locked = true;
        clock.Advance(TimeSpan.FromDays(1));
        var result = await pipeline.RefreshAsync().WaitAsync(Arm.Bound);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        outcome.Succeeded.Should().BeTrue("one forbidden subscription does not fail the others");
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Parts.Should().ContainSingle(p => p.Status == SourceStatus.Failed).Which.Name.Should().Be(Arm.Sub2);
        outcome.Coverage.Detail.Should().Contain(Arm.Sub2).And.Contain("403").And.NotContain(Arm.Token);
        result.Snapshot.Assets.Should().NotBeEmpty().And.OnlyContain(a => a.Id.Value.Contains(Arm.Sub1, StringComparison.OrdinalIgnoreCase), "the readable subscription is shown, fresh");
        var fed = result.Card.Metrics.Where(m => m.RecommendationIds.Any(r => result.Snapshot.Recommendations.Any(x => x.Id == r))).ToList();
        fed.Should().NotBeEmpty().And.OnlyContain(m => m.Availability == ScoreCards.ScoreAvailability.Stale, "a partial read is never compared");
        fed[0].StaleReason.Should().Contain("read only in part").And.Contain(Arm.Sub2);
        result.Events.Should().NotContain(e => e.Kind == Events.SecurityEventKind.MetricScoreDrop || e.Kind == Events.SecurityEventKind.InitiativeScoreDrop, "half the resources missing is not a drop");
    }
}
