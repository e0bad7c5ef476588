using System.Diagnostics;
using System.Diagnostics.Metrics;
using ExposureSdk.Pipeline;
using ExposureSdk.Queries;
using ExposureSdk.Telemetry;
using ExposureSdk.Tests.Pipeline;
using ExposureSdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddExposureManagement(o => o.TenantId = "contoso").AddSourceProvider(good).AddSourceProvider(failing);

        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ExposureSdkTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        meterListener.Start();

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
        var result = await pipeline.RefreshAsync();

        result.FindOutcome(providerName)!.Kind.Should().Be(ProviderOutcomeKind.Succeeded);
        sp.GetRequiredService<ExposureQueries>().QueryRecommendations(new RecommendationQuery()).TotalCount.Should().Be(1);
        lock (measurements)
        {
            measurements.Should().Contain(m => m.Instrument == ExposureSdkTelemetry.ProviderOutcomesInstrument && Equals(m.Tags[ExposureSdkTelemetry.ProviderTag], providerName) && Equals(m.Tags[ExposureSdkTelemetry.OutcomeTag], "Succeeded"));
            measurements.Should().Contain(m => m.Instrument == ExposureSdkTelemetry.ProviderOutcomesInstrument && Equals(m.Tags[ExposureSdkTelemetry.ProviderTag], providerName + "-bad") && Equals(m.Tags[ExposureSdkTelemetry.OutcomeTag], "Failed"));
            measurements.Should().Contain(m => m.Instrument == ExposureSdkTelemetry.ProviderDurationInstrument && Equals(m.Tags[ExposureSdkTelemetry.ProviderTag], providerName));
            measurements.Should().Contain(m => m.Instrument == ExposureSdkTelemetry.RefreshDurationInstrument && m.Value >= 0);
        }

        lock (activities)
        {
            activities.Should().Contain(a => a.OperationName == ExposureSdkTelemetry.ProviderActivity && Equals(a.GetTagItem(ExposureSdkTelemetry.ProviderTag), providerName + "-bad") && a.Status == ActivityStatusCode.Error);
            var refresh = activities.Where(a => a.OperationName == ExposureSdkTelemetry.RefreshActivity).ToList();
            refresh.Should().NotBeEmpty();
            activities.Where(a => a.OperationName == ExposureSdkTelemetry.ProviderActivity && Equals(a.GetTagItem(ExposureSdkTelemetry.ProviderTag), providerName))
                .Should().ContainSingle().Which.ParentSpanId.Should().NotBe(default(ActivitySpanId));
        }

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (var t in tags)
            {
                map[t.Key] = t.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, map));
            }
        }
    }

    [Fact]
    public async Task RefreshAsync_DropEvent_CountsEventsRaisedByKind()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        var raised = new List<string>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ExposureSdkTelemetry.Name && instrument.Name == ExposureSdkTelemetry.EventsRaisedInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var t in tags)
            {
                if (t.Key == ExposureSdkTelemetry.KindTag)
                {
                    lock (raised)
                    {
                        raised.Add((string)t.Value!);
                    }
                }
            }
        });
        meterListener.Start();
        await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.SetGraph(unhealthyUsers: 9);

        var result = await f.RefreshAsync(pipeline);

        result.Events.Should().NotBeEmpty();
        lock (raised)
        {
            raised.Should().Contain("MetricScoreDrop").And.Contain("InitiativeScoreDrop");
        }
    }
}
