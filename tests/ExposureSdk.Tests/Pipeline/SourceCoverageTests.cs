using System.Runtime.CompilerServices;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using ExposureSdk.Scoring;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Source coverage (domain rules §2, contracts §2 <c>sources</c>): a provider reports Active, Limited (with
/// the reason) or Inactive through its pull context, with warnings; the refresh result reports each
/// source's status, detail, counts and warnings; an inactive source's recommendations are not shown.
/// </summary>
public sealed class SourceCoverageTests
{
    private static readonly DateTimeOffset Today = PipelineFixture.Day1;

    /// <summary>Gives one recommendation with per-asset results, and reports what the test scripts, optionally while its stream is read.</summary>
    private sealed class ReportingProvider(string name, string recommendationId, Action<SourcePullContext>? report, bool reportWhileStreaming = false, IEnumerable<SourceHistoryDay>? history = null)
        : ExposureSourceProvider(name)
    {
        public int HistoryReads { get; private set; }

        protected override Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
        {
            if (!reportWhileStreaming)
            {
                report?.Invoke(context);
            }

            return Task.FromResult(new SourceBatch(Recommendations(context), assessments: Assessments().ToAsyncEnumerable()));
        }

        protected override async IAsyncEnumerable<SourceHistoryDay> GetHistoryCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            HistoryReads++;
            foreach (var day in history ?? [])
            {
                await Task.Yield();
                yield return day;
            }
        }

        private async IAsyncEnumerable<Recommendation> Recommendations(SourcePullContext context)
        {
            await Task.Yield();
            yield return SampleData.Recommendation(recommendationId, maxPoints: null);
            if (reportWhileStreaming)
            {
                report?.Invoke(context);
            }
        }

        private IEnumerable<Assessment> Assessments()
            => SampleData.Results(recommendationId, 3, 2, Name).Append(new Assessment(recommendationId, Name + "-na", AssessmentStatus.NotApplicable));
    }

    private static ExposureRefreshPipeline Pipeline(params ExposureSourceProvider[] providers)
    {
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso" };
        options.Metrics.Add(new Metric("m-all", "Everything", MetricWeight.High, ["a", "b"]));
        return new ExposureRefreshPipeline(providers, new InMemoryScoreHistoryStore(), options, timeProvider: new FakeTimeProvider(Today));
    }

    [Fact]
    public async Task Coverage_ProviderReportsNothing_IsActiveWithItsCounts()
    {
        var result = await Pipeline(new ReportingProvider("one", "a", report: null)).RefreshAsync().WaitAsync(TestBounds.Wait);

        var outcome = result.FindOutcome("one")!;
        outcome.Coverage.Status.Should().Be(SourceStatus.Active);
        outcome.Coverage.Detail.Should().BeEmpty();
        outcome.Warnings.Should().BeEmpty();
        outcome.Counts.Recommendations.Should().Be(1);
        outcome.Counts.Assessments.Should().Be(6);
        outcome.Counts.AssessedResults.Should().Be(5, "NotApplicable is not an assessed result");
        result.IsFullCoverage.Should().BeTrue();
    }

    [Fact]
    public async Task Coverage_LimitedWithReasonAndWarning_ShownAndReportedInTheRefreshResult()
    {
        var provider = new ReportingProvider("cloud", "a", context =>
        {
            context.ReportCoverage(new SourceCoverage(SourceStatus.Limited, "limited cloud data: the Defender CSPM plan is off", [new SourceCoveragePart("sub-1", SourceStatus.Limited, "CSPM off")], new PointsScore(23.53, 39)));
            context.ReportWarning("points differ from the service's by 0.01");
        });

        var result = await Pipeline(provider).RefreshAsync().WaitAsync(TestBounds.Wait);

        var outcome = result.FindOutcome("cloud")!;
        outcome.Coverage.Status.Should().Be(SourceStatus.Limited);
        outcome.Coverage.Detail.Should().Be("limited cloud data: the Defender CSPM plan is off");
        outcome.Coverage.Parts.Should().ContainSingle().Which.Name.Should().Be("sub-1");
        outcome.Coverage.Score.Should().Be(new PointsScore(23.53, 39));
        outcome.Warnings.Should().Equal("points differ from the service's by 0.01");
        result.Warnings.Should().Contain("Provider 'cloud': points differ from the service's by 0.01");
        result.Snapshot.Recommendations.Should().ContainSingle(r => r.Id.Value == "a", "a limited source is shown");
        result.IsFullCoverage.Should().BeFalse();
    }

    [Fact]
    public async Task Coverage_ReportedWhileTheStreamsAreRead_IsTheOneInTheResult()
    {
        var provider = new ReportingProvider("files", "a", context => context.ReportCoverage(new SourceCoverage(SourceStatus.Limited, "1 of 2 files could not be read")), reportWhileStreaming: true);

        var result = await Pipeline(provider).RefreshAsync().WaitAsync(TestBounds.Wait);

        result.FindOutcome("files")!.Coverage.Detail.Should().Be("1 of 2 files could not be read");
    }

    [Fact]
    public async Task Coverage_InactiveSource_ItsRecommendationsAreNotShownAndItsHistoryIsNotRead()
    {
        var day = new SourceHistoryDay(Today.AddDays(-1), [SampleData.Recommendation("b", maxPoints: null)]);
        var inactive = new ReportingProvider("graph", "b", context => context.ReportCoverage(new SourceCoverage(SourceStatus.Inactive, "no daily Secure Score at all")), history: [day]);
        var active = new ReportingProvider("cloud", "a", report: null);

        var result = await Pipeline(inactive, active).RefreshAsync().WaitAsync(TestBounds.Wait);

        result.Snapshot.Recommendations.Select(r => r.Id.Value).Should().Equal("a");
        result.Snapshot.Assessments.Should().OnlyContain(a => a.RecommendationId.Value == "a");
        result.Snapshot.Assets.Should().NotContain(a => a.Id.Value.StartsWith("graph", StringComparison.Ordinal));
        result.Provenance.Keys.Select(k => k.Value).Should().NotContain("b");
        var outcome = result.FindOutcome("graph")!;
        outcome.Succeeded.Should().BeTrue("an inactive source was read; it has nothing to show");
        outcome.Coverage.Status.Should().Be(SourceStatus.Inactive);
        outcome.Counts.Recommendations.Should().Be(1, "the counts say what the source delivered");
        inactive.HistoryReads.Should().Be(0);
        result.SeededCards.Should().BeEmpty();
        result.IsFullCoverage.Should().BeTrue();
    }

    [Fact]
    public async Task Coverage_FailedPull_IsFailedWithTheReasonAndSaysWhenLastKnownDataIsShown()
    {
        var scripted = new ScriptedProvider("graph");
        scripted.Set([SampleData.Recommendation("a")], SampleData.Results("a", 1, 1));
        var pipeline = Pipeline(scripted);
        await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);
        scripted.Fault = ProviderFault.Throws;

        var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        var outcome = result.FindOutcome("graph")!;
        outcome.Coverage.Status.Should().Be(SourceStatus.Failed);
        outcome.Coverage.Detail.Should().Contain("Reading recommendations failed").And.Contain("the last known data").And.Contain("marked stale");
        outcome.Warnings.Should().BeEmpty();
        result.IsFullCoverage.Should().BeFalse();
    }

    [Fact]
    public async Task ReportCoverage_Failed_IsRejected()
    {
        await using var context = new SourcePullContext(Today);

        var act = () => context.ReportCoverage(new SourceCoverage(SourceStatus.Failed, "broken"));

        act.Should().Throw<ArgumentException>().WithMessage("*ExposureSourceException*");
    }

    [Fact]
    public async Task ReportCoverage_LaterReportWins_AndAfterThePullEndedThrows()
    {
        var context = new SourcePullContext(Today);
        context.ReportCoverage(new SourceCoverage(SourceStatus.Limited, "first"));
        context.ReportCoverage(SourceCoverage.Active);
        context.Coverage.Should().BeSameAs(SourceCoverage.Active);
        await context.DisposeAsync();

        context.Invoking(c => c.ReportCoverage(SourceCoverage.Active)).Should().Throw<ObjectDisposedException>();
        context.Invoking(c => c.ReportWarning("late")).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public async Task ReportWarning_HostileVolume_KeepsTheFirstThousandCutToLengthAndCountsTheRest()
    {
        await using var context = new SourcePullContext(Today);
        context.ReportWarning(new string('x', 100_000));
        for (var i = 1; i < SourcePullContext.MaxWarnings + 500; i++)
        {
            context.ReportWarning($"warning {i}");
        }

        var warnings = context.Warnings;

        warnings.Should().HaveCount(SourcePullContext.MaxWarnings + 1);
        warnings[0].Length.Should().Be(SourcePullContext.MaxWarningLength);
        warnings[0].Should().EndWith("…");
        warnings[^1].Should().Be("500 more warning(s) were left out.");
        context.Invoking(c => c.ReportWarning(" ")).Should().Throw<ArgumentException>();
        context.Invoking(c => c.ReportWarning(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void SourceCoverage_LimitedWithoutReason_IsRejected()
    {
        FluentActions.Invoking(() => new SourceCoverage(SourceStatus.Limited)).Should().Throw<ArgumentException>().WithParameterName("detail");
        FluentActions.Invoking(() => new SourceCoverage(SourceStatus.Limited, "  ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SourceCoverage((SourceStatus)42)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new SourceCoverage(SourceStatus.Active, new string('d', SourceCoverage.MaxDetailLength + 1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SourceCoverage(SourceStatus.Active, parts: [null!])).Should().Throw<ArgumentException>().WithMessage("*parts[0]*");
        FluentActions.Invoking(() => new SourceCoveragePart(" ", SourceStatus.Active)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(new[] { SourceStatus.Active, SourceStatus.Active }, SourceStatus.Active)]
    [InlineData(new[] { SourceStatus.Active, SourceStatus.Inactive }, SourceStatus.Active)]
    [InlineData(new[] { SourceStatus.Active, SourceStatus.Limited }, SourceStatus.Limited)]
    [InlineData(new[] { SourceStatus.Active, SourceStatus.Failed }, SourceStatus.Limited)]
    [InlineData(new[] { SourceStatus.Inactive, SourceStatus.Failed }, SourceStatus.Limited)]
    [InlineData(new[] { SourceStatus.Failed, SourceStatus.Failed }, SourceStatus.Failed)]
    [InlineData(new[] { SourceStatus.Inactive, SourceStatus.Inactive }, SourceStatus.Inactive)]
    [InlineData(new SourceStatus[0], SourceStatus.Inactive)]
    public void CombineParts_FollowsTheContractRule(SourceStatus[] parts, SourceStatus expected)
        => SourceCoverage.CombineParts(parts.Select((s, i) => new SourceCoveragePart($"p{i}", s))).Should().Be(expected);
}
