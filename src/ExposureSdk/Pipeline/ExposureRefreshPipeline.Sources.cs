using System.Diagnostics;
using ExposureSdk.Providers;
using ExposureSdk.Telemetry;
using Microsoft.Extensions.Logging;

namespace ExposureSdk.Pipeline;

// Pulling one provider (with its activity, log lines and metrics) and publishing a result to the subscribers.
public sealed partial class ExposureRefreshPipeline
{
    private async Task<(ProviderOutcomeKind Kind, ProviderRecords? Records, string? Error, TimeSpan Duration)> PullOneAsync(
        ExposureSourceProvider provider, Activity? parent, CancellationToken cancellationToken)
    {
        using var activity = Instrumentation.ActivitySource.StartActivity(ExposureSdkTelemetry.ProviderActivity, ActivityKind.Internal, parent?.Context ?? default);
        activity?.SetTag(ExposureSdkTelemetry.ProviderTag, provider.Name);
        var pull = await ProviderPuller.PullAsync(provider, _timeouts[provider.Name], _time, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(ExposureSdkTelemetry.OutcomeTag, pull.Kind.ToString());
        if (pull.Kind != ProviderOutcomeKind.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, pull.Kind.ToString());
            PipelineLog.ProviderDidNotSucceed(_logger, provider.Name, pull.Kind, pull.Duration.TotalSeconds, pull.Error ?? pull.Kind.ToString());
        }
        else
        {
            PipelineLog.ProviderSucceeded(_logger, provider.Name, pull.Duration.TotalSeconds, pull.Records!.Recommendations.Count, pull.Records.Assessments.Count);
        }

        var tags = new TagList
        {
            { ExposureSdkTelemetry.ProviderTag, provider.Name },
            { ExposureSdkTelemetry.OutcomeTag, pull.Kind.ToString() },
        };
        Instrumentation.ProviderOutcomes.Add(1, tags);
        Instrumentation.ProviderDuration.Record(pull.Duration.TotalSeconds, tags);
        return pull;
    }

    private async Task PublishAsync(RefreshResult result, CancellationToken cancellationToken)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber.OnRefreshedAsync(result, cancellationToken).ConfigureAwait(false);
                if (result.MissingScores.Count > 0)
                {
                    await subscriber.OnScoresMissingAsync(result, result.MissingScores, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                Instrumentation.SubscriberFailures.Add(1);
                if (_logger.IsEnabled(LogLevel.Error))
                {
                    PipelineLog.SubscriberFailed(_logger, subscriber.GetType().Name, ex);
                }
            }
        }
    }
}
