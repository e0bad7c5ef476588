using ExposureSdk.Events;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>Domain rules §4: missing scores are events too — the missing-score reports reach subscribers, not only the refresh result.</summary>
public sealed class MissingScoreEventsTests
{
    [Fact]
    public async Task MissingScoresAreEvents_SourceFails_SubscribersReceiveTheMissingScoresWithTheReason()
    {
        var subscriber = new MissingRecorder();
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline(subscriber);
        await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.Cloud.Fault = Support.ProviderFault.Throws;

        var result = await f.RefreshAsync(pipeline);

        subscriber.Calls.Should().HaveCount(2, "both refreshes had scores they could not compare");
        subscriber.Calls[0].Missing.Should().OnlyContain(m => m.Reason == MissingScoreReason.NoBaseline, "the first day has no baseline");
        var missing = subscriber.Calls[1].Missing;
        missing.Should().BeSameAs(result.MissingScores);
        subscriber.Calls[1].Result.Should().BeSameAs(result);
        missing.Where(m => m.SubjectKind == ScoreSubjectKind.Metric).Select(m => m.SubjectId).Should().BeEquivalentTo(["m-cloud", "m-mixed"]);
        missing.Should().Contain(m => m.SubjectId == "m-cloud" && m.Reason == MissingScoreReason.StaleToday && m.Detail!.Contains("'cloud'", StringComparison.Ordinal));
        missing.Should().Contain(m => m.SubjectKind == ScoreSubjectKind.Initiative && m.SubjectId == "i-all");
    }

    [Fact]
    public async Task MissingScoresAreEvents_EveryScoreCompared_SubscribersAreNotCalledForMissingScores()
    {
        var subscriber = new MissingRecorder();
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline(subscriber);
        await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));

        var result = await f.RefreshAsync(pipeline);

        result.MissingScores.Should().BeEmpty();
        subscriber.Calls.Should().ContainSingle("only the first refresh (no baseline) had missing scores");
        f.Published.Should().HaveCount(2, "OnRefreshedAsync is still called for every refresh");
    }

    private sealed class MissingRecorder : IExposureEventSubscriber
    {
        public List<(RefreshResult Result, IReadOnlyList<MissingScore> Missing)> Calls { get; } = [];

        public ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask OnScoresMissingAsync(RefreshResult result, IReadOnlyList<MissingScore> missing, CancellationToken cancellationToken)
        {
            Calls.Add((result, missing));
            return ValueTask.CompletedTask;
        }
    }
}
