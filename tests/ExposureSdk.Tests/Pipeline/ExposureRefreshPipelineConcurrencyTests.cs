using ExposureSdk.History;
using ExposureSdk.Queries;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Pipeline;

public sealed class ExposureRefreshPipelineConcurrencyTests
{
    private const int Refreshes = 6;

    [Fact]
    public async Task RefreshAsync_InParallelWithQueries_EqualsSequentialRun()
    {
        var sequential = new PipelineFixture();
        var reference = sequential.CreatePipeline();
        for (var i = 0; i < Refreshes; i++)
        {
            await reference.RefreshAsync().WaitAsync(TestBounds.Wait);
        }

        var expectedCard = ScoreHistoryFormat.WriteCard(reference.LastResult!.Card);
        var expectedPage = Ids(new ExposureQueries(reference).QueryRecommendations(new RecommendationQuery(sortBy: RecommendationSortField.Impact)));

        var parallel = new PipelineFixture();
        var pipeline = parallel.CreatePipeline();
        var queries = new ExposureQueries(pipeline);
        var refreshTasks = Enumerable.Range(0, Refreshes).Select(_ => Task.Run(() => pipeline.RefreshAsync().WaitAsync(TestBounds.Wait))).ToArray();
        var queryTasks = Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            var page = Ids(queries.QueryRecommendations(new RecommendationQuery(sortBy: RecommendationSortField.Impact)));
            page.Should().Match<string>(p => p.Length == 0 || p == expectedPage, "a query sees no refresh or a whole one");
            var initiative = await queries.GetInitiativeAsync("i-identity");
            initiative?.Score.Score.Should().BeApproximately(50, 1e-9);
        })).ToArray();

        await Task.WhenAll([.. refreshTasks, .. queryTasks]);

        ScoreHistoryFormat.WriteCard(pipeline.LastResult!.Card).Should().Equal(expectedCard);
        Ids(queries.QueryRecommendations(new RecommendationQuery(sortBy: RecommendationSortField.Impact))).Should().Be(expectedPage);
        (await parallel.History.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().HaveCount(Refreshes);
        parallel.Published.Should().HaveCount(Refreshes);
        sequential.Published.Should().HaveCount(Refreshes);
    }

    private static string Ids(Page<ExposureSdk.Scoring.RecommendationScore> page) => string.Join(",", page.Items.Select(r => r.Id.Value));
}
