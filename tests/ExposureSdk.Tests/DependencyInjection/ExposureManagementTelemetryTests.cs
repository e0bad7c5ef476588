using System.Diagnostics;
using ExposureSdk.Pipeline;
using ExposureSdk.Queries;
using ExposureSdk.Telemetry;
using ExposureSdk.Tests.Pipeline;
using ExposureSdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ExposureSdk.Tests.DependencyInjection;

public sealed class ExposureManagementTelemetryTests
{
    [Fact]
    public async Task RefreshAsync_ThroughDependencyInjection_EmitsDocumentedInstrumentsAndActivities()
    {
        var providerName = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var failing = new ScriptedProvider(providerName + "-bad") { Fault = ProviderFault.Throws };
        var good = new ScriptedProvider(providerName);
        good.Set([SampleData.Recommendation("mfa")], SampleData.Results("mfa", 3, 1));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero)));
        services.AddExposureManagement(o => o.TenantId = "contoso").AddSourceProvider(good).AddSourceProvider(failing);

        using var outcomes = new MetricCollector<long>(null, ExposureSdkTelemetry.Name, ExposureSdkTelemetry.ProviderOutcomesInstrument);
        using var providerDurations = new MetricCollector<double>(null, ExposureSdkTelemetry.Name, ExposureSdkTelemetry.ProviderDurationInstrument);
        using var refreshDurations = new MetricCollector<double>(null, ExposureSdkTelemetry.Name, ExposureSdkTelemetry.RefreshDurationInstrument);

        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ExposureSdkTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        using var sp = services.BuildServiceProvider();
        var pipeline = sp.GetRequiredService<ExposureRefreshPipeline>();
        var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        result.FindOutcome(providerName)!.Kind.Should().Be(ProviderOutcomeKind.Succeeded);
        sp.GetRequiredService<ExposureQueries>().QueryRecommendations(new RecommendationQuery()).TotalCount.Should().Be(1);
        outcomes.GetMeasurementSnapshot().Should().Contain(m => m.Value == 1 && Equals(m.Tags[ExposureSdkTelemetry.ProviderTag], providerName) && Equals(m.Tags[ExposureSdkTelemetry.OutcomeTag], "Succeeded"));
        outcomes.GetMeasurementSnapshot().Should().Contain(m => m.Value == 1 && Equals(m.Tags[ExposureSdkTelemetry.ProviderTag], providerName + "-bad") && Equals(m.Tags[ExposureSdkTelemetry.OutcomeTag], "Failed"));
        providerDurations.GetMeasurementSnapshot().Should().Contain(m => Equals(m.Tags[ExposureSdkTelemetry.ProviderTag], providerName) && m.Value >= 0);
        refreshDurations.GetMeasurementSnapshot().Should().Contain(m => m.Value >= 0);

        lock (activities)
        {
            activities.Should().Contain(a => a.OperationName == ExposureSdkTelemetry.ProviderActivity && Equals(a.GetTagItem(ExposureSdkTelemetry.ProviderTag), providerName + "-bad") && a.Status == ActivityStatusCode.Error);
            var refresh = activities.Where(a => a.OperationName == ExposureSdkTelemetry.RefreshActivity).ToList();
            refresh.Should().NotBeEmpty();
            activities.Where(a => a.OperationName == ExposureSdkTelemetry.ProviderActivity && Equals(a.GetTagItem(ExposureSdkTelemetry.ProviderTag), providerName))
                .Should().ContainSingle().Which.ParentSpanId.Should().NotBe(default(ActivitySpanId));
        }
    }

    [Fact]
    public async Task RefreshAsync_DropEvent_CountsEventsRaisedByKind()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        using var raised = new MetricCollector<long>(null, ExposureSdkTelemetry.Name, ExposureSdkTelemetry.EventsRaisedInstrument);
        await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.SetGraph(unhealthyUsers: 9);

        var result = await f.RefreshAsync(pipeline);

        result.Events.Should().NotBeEmpty();
        var kinds = raised.GetMeasurementSnapshot().Select(m => m.Tags[ExposureSdkTelemetry.KindTag] as string).ToList();
        kinds.Should().Contain("MetricScoreDrop").And.Contain("InitiativeScoreDrop");
    }
}
