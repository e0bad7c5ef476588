using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ExposureSdk.Telemetry;

/// <summary>The SDK's one meter, one activity source and their instruments.</summary>
internal static class Instrumentation
{
    public static readonly ActivitySource ActivitySource = new(ExposureSdkTelemetry.Name, Version);

    public static readonly Meter Meter = new(ExposureSdkTelemetry.Name, Version);

    public static readonly Histogram<double> RefreshDuration = Meter.CreateHistogram<double>(
        ExposureSdkTelemetry.RefreshDurationInstrument, "s", "Duration of one refresh of every source provider.");

    public static readonly Counter<long> ProviderOutcomes = Meter.CreateCounter<long>(
        ExposureSdkTelemetry.ProviderOutcomesInstrument, "{outcome}", "Outcome of each source provider in each refresh.");

    public static readonly Histogram<double> ProviderDuration = Meter.CreateHistogram<double>(
        ExposureSdkTelemetry.ProviderDurationInstrument, "s", "Time one source provider took to deliver its records.");

    public static readonly Counter<long> EventsRaised = Meter.CreateCounter<long>(
        ExposureSdkTelemetry.EventsRaisedInstrument, "{event}", "Security events raised by refreshes.");

    public static readonly Counter<long> SubscriberFailures = Meter.CreateCounter<long>(
        ExposureSdkTelemetry.SubscriberFailuresInstrument, "{failure}", "Event subscribers that threw while notified.");

    private static string Version => typeof(Instrumentation).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
