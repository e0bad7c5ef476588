using ExposureSdk.Providers;

namespace ExposureSdk.Pipeline;

/// <summary>Pulls one provider with its own timeout and turns whatever happens into a <see cref="ProviderOutcome"/>.</summary>
internal static class ProviderPuller
{
    public static async Task<(ProviderOutcomeKind Kind, ProviderRecords? Records, string? Error, TimeSpan Duration)> PullAsync(
        ExposureSourceProvider provider,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked.Token;

        // Run the pull on the thread pool so a provider that blocks synchronously cannot stall the others.
        var pull = Task.Run(() => CollectAsync(provider, timeProvider, token), CancellationToken.None);
        try
        {
            // WaitAsync abandons a provider that ignores its cancellation token and hangs.
            var records = await pull.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            records.CheckDistinctIds();
            return (ProviderOutcomeKind.Succeeded, records, null, Elapsed());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(pull);
            throw;
        }
        catch (TimeoutException)
        {
            Observe(pull);
            return (ProviderOutcomeKind.TimedOut, null, $"The provider did not finish within its timeout of {timeout.TotalSeconds:0.###} s.", Elapsed());
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            return (ProviderOutcomeKind.TimedOut, null, $"The provider did not finish within its timeout of {timeout.TotalSeconds:0.###} s.", Elapsed());
        }
        catch (OperationCanceledException ex)
        {
            return (ProviderOutcomeKind.Cancelled, null, ex.Message, Elapsed());
        }
        catch (ExposureSourceException ex) when (ex.InnerException is OperationCanceledException)
        {
            // The base class wraps a cancellation the refresh did not ask for; report it as the provider's own cancellation.
            return (ProviderOutcomeKind.Cancelled, null, ex.Message, Elapsed());
        }
        catch (Exception ex)
        {
            return (ProviderOutcomeKind.Failed, null, ex.Message, Elapsed());
        }

        TimeSpan Elapsed() => timeProvider.GetElapsedTime(started);
    }

    /// <summary>
    /// Reads one provider's history with its own timeout; a failure is returned as a message, never thrown.
    /// Only the latest day of each key that <paramref name="keyOf"/> gives is kept (days it maps to
    /// <see langword="null"/> are dropped as they arrive), so a provider that yields without end holds at
    /// most one day per key in memory until its timeout.
    /// </summary>
    public static async Task<(IReadOnlyList<SourceHistoryDay>? Days, string? Error)> PullHistoryAsync(
        ExposureSourceProvider provider,
        Func<SourceHistoryDay, DateOnly?> keyOf,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked.Token;
        var pull = Task.Run(
            async () =>
            {
                var days = new Dictionary<DateOnly, SourceHistoryDay>();
                await foreach (var day in provider.GetHistoryAsync(token).ConfigureAwait(false))
                {
                    if (keyOf(day) is { } key && (!days.TryGetValue(key, out var kept) || day.AsOf >= kept.AsOf))
                    {
                        days[key] = day;
                    }
                }

                return (IReadOnlyList<SourceHistoryDay>)[.. days.Values];
            },
            CancellationToken.None);
        try
        {
            return (await pull.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(pull);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeoutSource.IsCancellationRequested))
        {
            Observe(pull);
            return (null, $"Reading its history did not finish within its timeout of {timeout.TotalSeconds:0.###} s.");
        }
        catch (Exception ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>
    /// One pull: reads the batch's lists one after the other, in the documented order, then ends the
    /// pull (disposing what it opened), also when it failed or was abandoned.
    /// </summary>
    private static async Task<ProviderRecords> CollectAsync(ExposureSourceProvider provider, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var context = new SourcePullContext(timeProvider.GetUtcNow());
        await using (context.ConfigureAwait(false))
        {
            var batch = await provider.PullAsync(context, cancellationToken).ConfigureAwait(false);
            var recommendations = await ReadAsync(batch.Recommendations, cancellationToken).ConfigureAwait(false);
            var assets = await ReadAsync(batch.Assets, cancellationToken).ConfigureAwait(false);
            var assessments = await ReadAsync(batch.Assessments, cancellationToken).ConfigureAwait(false);
            var metrics = await ReadAsync(batch.Metrics, cancellationToken).ConfigureAwait(false);
            var initiatives = await ReadAsync(batch.Initiatives, cancellationToken).ConfigureAwait(false);

            // Coverage and warnings are read once every stream was read: a provider may report them while its streams run.
            return new ProviderRecords(provider.Name, timeProvider.GetUtcNow(), recommendations, assets, assessments, metrics, initiatives, context.Coverage, context.Warnings);
        }
    }

    private static async Task<List<T>> ReadAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Observes an abandoned pull's eventual failure so it is never an unobserved task exception.</summary>
    private static void Observe(Task task)
        => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
