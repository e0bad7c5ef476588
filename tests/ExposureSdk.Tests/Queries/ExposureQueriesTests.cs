using ExposureSdk.Events;
using ExposureSdk.Queries;
using ExposureSdk.Tests.Pipeline;

namespace ExposureSdk.Tests.Queries;

public sealed class ExposureQueriesTests
{
    [Fact]
    public async Task QueryRecommendations_FiltersByEveryField()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline);
        var q = new ExposureQueries(pipeline);

        Ids(q.QueryRecommendations(new RecommendationQuery(impacts: [Impact.High]))).Should().Equal("mfa");
        Ids(q.QueryRecommendations(new RecommendationQuery(domains: [SecurityDomain.Cloud]))).Should().Equal("storage");
        Ids(q.QueryRecommendations(new RecommendationQuery(workloads: [Workload.Parse("defender for cloud")]))).Should().Equal("storage");
        Ids(q.QueryRecommendations(new RecommendationQuery(sources: [RecommendationSource.MicrosoftSecureScore]))).Should().Equal("mfa");
        Ids(q.QueryRecommendations(new RecommendationQuery(states: [ComplianceState.Compliant]))).Should().Equal("storage");
        Ids(q.QueryRecommendations(new RecommendationQuery(states: [ComplianceState.NotCompliant]))).Should().Equal("mfa");
        Ids(q.QueryRecommendations(new RecommendationQuery(metricId: new MetricId("m-cloud")))).Should().Equal("storage");
        Ids(q.QueryRecommendations(new RecommendationQuery(initiativeId: new InitiativeId("i-identity")))).Should().Equal("mfa");
        Ids(q.QueryRecommendations(new RecommendationQuery(text: "STOR"))).Should().Equal("storage");
        Ids(q.QueryRecommendations(new RecommendationQuery(text: "nothing-matches"))).Should().BeEmpty();
    }

    [Fact]
    public async Task QueryRecommendations_SortsAndPages()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline);
        var q = new ExposureQueries(pipeline);

        var first = q.QueryRecommendations(new RecommendationQuery(sortBy: RecommendationSortField.Impact, descending: true, pageSize: 1));
        var second = q.QueryRecommendations(new RecommendationQuery(sortBy: RecommendationSortField.Impact, descending: true, pageSize: 1, pageNumber: 2));

        Ids(first).Should().Equal("mfa");
        Ids(second).Should().Equal("storage");
        first.TotalCount.Should().Be(2);
        first.PageCount.Should().Be(2);
        first.HasNextPage.Should().BeTrue();
        second.HasNextPage.Should().BeFalse();
    }

    [Fact]
    public async Task GetInitiatives_FavoritesFirst()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline);

        new ExposureQueries(pipeline).GetInitiatives().Select(i => i.Id.Value).Should().Equal("i-all", "i-identity");
    }

    [Fact]
    public async Task GetInitiativeAsync_AfterTwoDays_HasMetricsHistoryTrendMovementAndTarget()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.SetGraph(unhealthyUsers: 8);
        await f.RefreshAsync(pipeline);

        var d = (await new ExposureQueries(pipeline).GetInitiativeAsync("i-identity"))!;

        d.Metrics.Select(m => m.Id.Value).Should().Equal("m-identity");
        d.Recommendations.Select(r => r.Id.Value).Should().Equal("mfa");
        d.TargetScore.Should().Be(80);
        d.History.Should().ContainSingle().Which.Change.Should().BeApproximately(-30, 1e-9);
        d.History[0].Reasons.Should().Contain(InitiativeChangeReason.ValueChange);
        d.Trend.Points.Should().HaveCount(2);
        d.Movement24Hours.Change.Should().BeApproximately(-30, 1e-9);
    }

    [Fact]
    public async Task GetMetricAsync_HasRecommendationsTopAssetsAndTrend()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline);

        var d = (await new ExposureQueries(pipeline).GetMetricAsync("m-identity"))!;

        d.Recommendations.Select(r => r.Id.Value).Should().Equal("mfa");
        d.TopAffectedAssets.Select(a => a.Id.Value).Should().Equal("user-005", "user-006", "user-007", "user-008", "user-009");
        d.Trend.Points.Should().ContainSingle().Which.Score.Should().BeApproximately(50, 1e-9);
        (await new ExposureQueries(pipeline).GetMetricAsync("nope")).Should().BeNull();
    }

    [Fact]
    public async Task GetEventsAsync_ByRangeAndKind()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.SetGraph(unhealthyUsers: 9);
        await f.RefreshAsync(pipeline);
        var q = new ExposureQueries(pipeline);

        var metricDrops = await q.GetEventsAsync(PipelineFixture.Day1, PipelineFixture.Day1.AddDays(2), SecurityEventKind.MetricScoreDrop);
        var none = await q.GetEventsAsync(PipelineFixture.Day1, PipelineFixture.Day1.AddHours(1));

        metricDrops.Should().NotBeEmpty().And.OnlyContain(e => e.Kind == SecurityEventKind.MetricScoreDrop);
        none.Should().BeEmpty();
        (await q.GetRecentEventsAsync()).Should().HaveCount(pipeline.LastResult!.Events.Count);
    }

    private static IEnumerable<string> Ids(Page<ExposureSdk.Scoring.RecommendationScore> page) => page.Items.Select(r => r.Id.Value);
}
