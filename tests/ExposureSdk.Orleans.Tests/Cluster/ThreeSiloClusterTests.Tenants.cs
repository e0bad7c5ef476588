using ExposureSdk.Events;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Orleans.Tests.Support;
using ExposureSdk.Orleans.Views;

namespace ExposureSdk.Orleans.Tests.Cluster;

[Collection(ClusterTestGroup.Name)]
public sealed partial class ThreeSiloClusterTests(ThreeSiloClusterFixture fixture) : IClassFixture<ThreeSiloClusterFixture>
{
    [Fact]
    public void TwoHundredTenants_ThreeDays_EveryRefreshRecordedOnce()
    {
        fixture.Summaries.Where(s => s.Key.Tenant != ThreeSiloClusterFixture.FailingSourceTenant).Should().HaveCount(200 * ThreeSiloClusterFixture.Days)
            .And.OnlyContain(s => s.Value.Status == TenantRefreshStatus.Refreshed);
        fixture.Stored.CardCount.Should().Be(fixture.Expected.CardCount).And.Be(200 * ThreeSiloClusterFixture.Days);
        foreach (var tenant in fixture.Tenants)
        {
            fixture.Stored.Cards[tenant].Select(c => c.AsOf).Should().Equal(fixture.Expected.Cards[tenant].Select(c => c.AsOf), $"tenant {tenant} has one card per day");
        }
    }

    [Fact]
    public void TwoHundredTenants_ThreeDays_EventsEqualTheSingleProcess()
    {
        fixture.Expected.EventCount.Should().BePositive("the demo tenants' history has drops, or this test proves nothing");
        var (falseEvents, duplicates, missing) = fixture.Stored.Compare(fixture.Expected);
        falseEvents.Should().Be(0);
        duplicates.Should().Be(0);
        missing.Should().Be(0);
        fixture.Stored.EventCount.Should().Be(fixture.Expected.EventCount);
    }

    [Fact]
    public void TwoHundredTenants_ScoresEqualTheSingleProcess_BitForBit()
    {
        foreach (var tenant in fixture.Tenants)
        {
            var stored = fixture.Stored.Cards[tenant][^1];
            var expected = fixture.Expected.Cards[tenant][^1];
            stored.SecureScore.Should().Be(expected.SecureScore);
            stored.Initiatives.Select(i => (i.Id, i.Score)).Should().Equal(expected.Initiatives.Select(i => (i.Id, i.Score)));
            stored.Metrics.Select(m => (m.Id, m.Score, m.Scope, m.Affected)).Should().Equal(expected.Metrics.Select(m => (m.Id, m.Score, m.Scope, m.Affected)));
        }
    }

    [Fact]
    public async Task Stream_DeliversEachRecordedTransitionOnce()
    {
        var subscribed = fixture.Notifications.Keys.ToArray();
        var expected = subscribed.ToDictionary(t => t, t => Enumerable.Range(0, ThreeSiloClusterFixture.Days).Sum(d => fixture.Summaries[(t, d)] is var s ? s.Raised + s.Updated + s.Withdrawn : 0));
        expected.Values.Sum().Should().BePositive("some subscribed tenant must have had events");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (subscribed.Any(t => fixture.Notifications[t].Count < expected[t]))
        {
            await Task.Delay(100, timeout.Token);
        }

        foreach (var tenant in subscribed)
        {
            var notifications = fixture.Notifications[tenant].ToArray();
            notifications.Should().HaveCount(expected[tenant]);
            notifications.Where(n => n.Transition == SecurityEventTransition.Raised).Select(n => n.Key).Should().OnlyHaveUniqueItems("one event per subject, kind and day is raised once");
            notifications.Should().OnlyContain(n => n.Event.TenantId == tenant && n.Key.StartsWith(tenant + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Queries_AnswerTheDashboard()
    {
        var tenant = fixture.Tenants[3];
        var grain = fixture.Host.Exposure.GetTenant(tenant);
        var expectedCard = fixture.Expected.Cards[tenant][^1];

        var report = await grain.GetReportAsync();
        report.Summary.TenantId.Should().Be(tenant);
        report.Summary.SecureScore.Should().Be(expectedCard.SecureScore);
        report.Summary.IsFromHistory.Should().BeFalse();
        report.Providers.Should().ContainSingle().Which.Outcome.Should().Be("Succeeded");
        report.RecommendationCount.Should().BePositive();

        var page = await grain.QueryRecommendationsAsync(new RecommendationFilter(states: [ComplianceState.NotCompliant], impacts: [Impact.High], sortBy: Queries.RecommendationSortField.Affected, descending: true, pageSize: 5));
        page.Items.Should().NotBeEmpty().And.OnlyContain(r => r.State == ComplianceState.NotCompliant && r.Impact == Impact.High);
        page.Items.Select(r => r.Unhealthy).Should().BeInDescendingOrder();
        page.TotalCount.Should().BeGreaterThanOrEqualTo(page.Items.Count);

        var metricCard = expectedCard.Metrics.First(m => m.Score is not null && m.Affected > 0);
        var metric = await grain.GetMetricAsync(metricCard.Id.Value);
        metric.Should().NotBeNull();
        metric!.Metric.Score.Should().Be(metricCard.Score);
        metric.Recommendations.Should().NotBeEmpty();
        metric.TopAffectedAssets.Should().NotBeEmpty();
        metric.Initiatives.Should().OnlyContain(c => c.MetricId == metricCard.Id.Value);
        metric.Trend.Points.Should().HaveCount(ThreeSiloClusterFixture.Days);

        var initiativeCard = expectedCard.Initiatives.First(i => i.Score is not null && i.Metrics.Count > 0);
        var initiative = await grain.GetInitiativeAsync(initiativeCard.Id.Value);
        initiative!.Initiative.Score.Should().Be(initiativeCard.Score);
        initiative.Metrics.Where(m => m.IsIncluded).Sum(m => m.Contribution!.Value).Should().BeApproximately(initiativeCard.Score!.Value, 1e-9, "the contributions explain the score");
        initiative.Trend.Points.Should().HaveCount(ThreeSiloClusterFixture.Days);

        (await grain.GetMetricAsync("no-such-metric")).Should().BeNull();

        var events = await grain.GetEventsAsync(TestWorld.DayTime(0, ThreeSiloClusterFixture.Days), TestWorld.DayTime(ThreeSiloClusterFixture.Days, ThreeSiloClusterFixture.Days));
        events.Select(e => Reference.Key(e)).Should().BeEquivalentTo(fixture.Expected.Events[tenant].Select(e => Reference.Key(tenant, e)));
        (await grain.GetRecentEventsAsync(7)).Should().HaveCount(events.Count);

        var trend = await grain.GetTrendAsync(ScoreSubjectKind.SecureScore, null, 14);
        trend.Points.Select(p => p.Score).Should().Equal(fixture.Expected.Cards[tenant].Select(c => c.SecureScore!.Value));
    }

    [Fact]
    public async Task FailingSource_OnlyItsTenantSeesIt()
    {
        var summary = fixture.Summaries[(ThreeSiloClusterFixture.FailingSourceTenant, ThreeSiloClusterFixture.Days - 1)];
        summary.Status.Should().Be(TenantRefreshStatus.Refreshed);
        summary.Providers.Should().Contain(p => p.Name == "failing" && p.Outcome == "Failed" && p.Error!.Contains("401", StringComparison.Ordinal));
        summary.Providers.Should().Contain(p => p.Name == "demo" && p.Outcome == "Succeeded");
        fixture.Summaries.Where(s => s.Key.Tenant != ThreeSiloClusterFixture.FailingSourceTenant)
            .Should().OnlyContain(s => s.Value.Providers.All(p => p.Outcome == "Succeeded"));
        var report = await fixture.Host.Exposure.GetTenant(ThreeSiloClusterFixture.FailingSourceTenant).GetReportAsync();
        report.Summary.Initiatives.Should().NotBeEmpty();
    }

    [Fact]
    public async Task BadConfiguration_ClearErrorNamingTheTenant_OthersUnaffected()
    {
        var bad = fixture.Host.Exposure.GetTenant(ThreeSiloClusterFixture.BadOptionsTenant);
        var act = () => bad.RefreshAsync();
        var error = (await act.Should().ThrowAsync<ExposureTenantConfigurationException>()).Which;
        error.TenantId.Should().Be(ThreeSiloClusterFixture.BadOptionsTenant);
        error.Message.Should().Contain($"Tenant '{ThreeSiloClusterFixture.BadOptionsTenant}'").And.Contain("HistoryRetentionDays");

        var unknown = fixture.Host.Exposure.GetTenant("no-such-tenant");
        var unknownError = (await unknown.Invoking(g => g.GetReportAsync()).Should().ThrowAsync<ExposureTenantConfigurationException>()).Which;
        unknownError.Message.Should().Contain("Tenant 'no-such-tenant'").And.Contain("knows no tenant");

        (await fixture.Host.Exposure.GetTenant(fixture.Tenants[0]).GetSummaryAsync()).Should().NotBeNull();
    }

    [Fact]
    public async Task RerunOfADay_SameSlotOrSameInstant_RecordsNothingTwice()
    {
        var slot = TestWorld.DayTime(ThreeSiloClusterFixture.Days - 1, ThreeSiloClusterFixture.Days);
        var tenants = fixture.Tenants.Take(20).ToArray();
        foreach (var tenant in tenants)
        {
            (await fixture.Host.Exposure.RefreshAsync(tenant, slot)).Status.Should().Be(TenantRefreshStatus.AlreadyRecorded, "the slot was recorded");
            (await fixture.Host.Exposure.RefreshAsync(tenant, slot.AddDays(-1))).Status.Should().Be(TenantRefreshStatus.AlreadyRecorded, "an older slot is recorded too");
            (await fixture.Host.Exposure.GetTenant(tenant).RefreshAsync()).Status.Should().Be(TenantRefreshStatus.AlreadyRecorded, "a card at this instant exists: the fence refuses a second");
        }

        using var store = new ExposureSdk.History.Sqlite.SqliteScoreHistoryStore(fixture.World.DatabasePath);
        var after = await Reference.ReadAsync(store, tenants, ThreeSiloClusterFixture.Days);
        foreach (var tenant in tenants)
        {
            after.Cards[tenant].Select(c => c.AsOf).Should().Equal(fixture.Stored.Cards[tenant].Select(c => c.AsOf));
            after.Events[tenant].Select(e => Reference.Key(tenant, e)).Should().Equal(fixture.Stored.Events[tenant].Select(e => Reference.Key(tenant, e)));
        }
    }
}
