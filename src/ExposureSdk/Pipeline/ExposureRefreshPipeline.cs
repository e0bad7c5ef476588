using System.Diagnostics;
using System.Globalization;
using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using ExposureSdk.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExposureSdk.Pipeline;

/// <summary>
/// The refresh pipeline: pulls every source provider concurrently, merges their records, scores the
/// merged snapshot with the engine, stores the score card in history, detects score-drop events
/// against yesterday's card and publishes them to subscribers.
/// </summary>
/// <remarks>
/// <para><b>Isolation.</b> Each provider is pulled on its own task with its own timeout
/// (<see cref="ExposureRefreshPipelineOptions.TimeoutFor"/>). A provider that throws, hangs past its timeout
/// (even one that ignores its cancellation token), cancels on its own, yields a malformed record or
/// gives an id twice never stops the others: its outcome says what happened, the refresh scores its
/// last known records if an earlier refresh of this pipeline had them, and every metric that
/// provider feeds (the metrics containing a recommendation it gave in its last successful pull, the
/// metrics it defines, the metrics that lost a member, and the metrics whose baseline members are
/// missing today) is marked <see cref="ScoreAvailability.Stale"/> with the reason, cascading to the
/// initiatives that contain them. Stale scores are never compared, so a failed source raises no
/// score-drop event. A provider that succeeds with no results although it supplied results at the baseline
/// is treated the same way, with a warning (domain rules §4); a metric or initiative of the baseline that
/// today's card lacks while a source's data is missing is kept on the card as it stood, stale.</para>
/// <para><b>Merge.</b> Providers are merged in registration order: the first provider that gives an
/// id wins; every provider that gave a recommendation is kept in
/// <see cref="RefreshResult.Provenance"/>. Catalog metrics and initiatives from the options come after
/// the providers'.</para>
/// <para><b>Seeding history.</b> On the first refresh of a tenant whose history store holds no card (and
/// when <see cref="ExposureRefreshPipelineOptions.SeedHistoryFromSources"/> is on), the providers that succeeded
/// are asked for their own record of earlier days (<see cref="ExposureSourceProvider.GetHistoryAsync"/>),
/// and one <see cref="ScoreCard"/> per earlier calendar day is rebuilt with today's definitions and stored
/// (<see cref="ScoreCardOrigin.SourceHistory"/>), with the events between those days, before today's
/// card: the first refresh then already has a baseline. A metric or initiative that depends on a source
/// without history, or on per-asset results, is stale on the rebuilt cards, so it is never compared. A
/// history that cannot be read is a warning, never a failed refresh (<see cref="RefreshResult.SeededCards"/>).</para>
/// <para><b>History faults.</b> A history store that cannot be read or written never fails the refresh: the
/// result says so (<see cref="RefreshResult.IsHistoryWritten"/>, <see cref="RefreshResult.HistoryError"/>), nothing
/// of the refresh is stored, no event transition is made, and the next recorded refresh compares with the last
/// card that was stored.</para>
/// <para><b>Concurrency.</b> Refreshes are serialized (a second call waits for the first);
/// <see cref="LastResult"/> and the queries read immutable results and may run at any time.</para>
/// <para><b>Cancellation.</b> Cancelling the token passed to <see cref="RefreshAsync"/> abandons the
/// refresh with an <see cref="OperationCanceledException"/>; nothing is stored unless the history
/// write had already completed.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim's wait handle is never requested, so it holds no unmanaged resource and needs no disposal.")]
public sealed partial class ExposureRefreshPipeline
{
    private readonly ExposureSourceProvider[] _providers;
    private readonly IExposureEventSubscriber[] _subscribers;
    private readonly IScoreHistoryStore _history;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _tenantId;
    private readonly Dictionary<string, TimeSpan> _timeouts;
    private readonly Metric[] _catalogMetrics;
    private readonly Initiative[] _catalogInitiatives;
    private readonly ScoringOptions _scoring;
    private readonly ScoreDropOptions _drop;
    private readonly int _retentionDays;
    private readonly bool _seedHistory;
    private bool _historyKnownNonEmpty;

    /// <summary>The clock's reading at the previous refresh of this process (a step back is told from a same-instant refresh by it).</summary>
    private DateTimeOffset? _lastClockReading;
    private readonly Dictionary<string, ProviderRecords> _lastGood = new(StringComparer.Ordinal);

    /// <summary>For each provider, whether the recorded cards of this process (by time) hold results of it: "did it supply results yesterday".</summary>
    private readonly Dictionary<string, List<(DateTimeOffset AsOf, bool HadResults)>> _resultsOnCards = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private RefreshResult? _last;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="providers">The source providers, in precedence order (the first that gives an id wins). Names must be unique.</param>
    /// <param name="history">Where score cards and events are kept.</param>
    /// <param name="options">The options; their values are copied (later changes are not seen).</param>
    /// <param name="subscribers">Who receives each refresh's events, in order; none if <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> if <see langword="null"/>.</param>
    /// <param name="logger">The logger; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="providers"/>, <paramref name="history"/> or <paramref name="options"/> is <see langword="null"/>, or a list holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message lists each invalid option by name), or two providers have the same name.</exception>
    public ExposureRefreshPipeline(
        IEnumerable<ExposureSourceProvider> providers,
        IScoreHistoryStore history,
        ExposureRefreshPipelineOptions options,
        IEnumerable<IExposureEventSubscriber>? subscribers = null,
        TimeProvider? timeProvider = null,
        ILogger<ExposureRefreshPipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(nameof(options));

        _providers = providers.ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _providers.Length; i++)
        {
            if (_providers[i] is null)
            {
                throw new ArgumentNullException(nameof(providers), $"providers[{i}] is null.");
            }

            if (!names.Add(_providers[i].Name))
            {
                throw new ArgumentException($"providers[{i}] repeats the provider name '{_providers[i].Name}'; names must be unique.", nameof(providers));
            }
        }

        _subscribers = subscribers?.ToArray() ?? [];
        if (Array.IndexOf(_subscribers, null) is var nullAt and >= 0)
        {
            throw new ArgumentNullException(nameof(subscribers), $"subscribers[{nullAt}] is null.");
        }

        _history = history;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _tenantId = options.TenantId;
        _timeouts = _providers.ToDictionary(p => p.Name, p => options.TimeoutFor(p.Name), StringComparer.Ordinal);
        _catalogMetrics = [.. options.Metrics];
        _catalogInitiatives = [.. options.Initiatives.Select(i => options.FavoriteInitiatives.Contains(i.Id) && !i.IsFavorite
            ? i with { IsFavorite = true }
            : i)];
        FavoriteInitiatives = options.FavoriteInitiatives.ToHashSet();
        _scoring = options.Scoring.Snapshot();
        _drop = options.ScoreDrop.Snapshot();
        _retentionDays = options.HistoryRetentionDays;
        _seedHistory = options.SeedHistoryFromSources;
        TimeZone = _drop.TimeZone;
    }

    /// <summary>The tenant the pipeline describes.</summary>
    public string TenantId => _tenantId;

    /// <summary>The source providers, in precedence order.</summary>
    public IReadOnlyList<ExposureSourceProvider> Providers => _providers;

    /// <summary>The history store.</summary>
    public IScoreHistoryStore History => _history;

    /// <summary>The time zone whose calendar days define "yesterday".</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The clock the pipeline uses.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>The result of the latest completed refresh, or <see langword="null"/> before the first.</summary>
    public RefreshResult? LastResult => Volatile.Read(ref _last);

    internal IReadOnlySet<InitiativeId> FavoriteInitiatives { get; }

    /// <summary>The engine options the pipeline scores with (a copy made when it was created).</summary>
    internal ScoringOptions Scoring => _scoring;

    /// <summary>The score-drop options the pipeline detects with (a copy made when it was created).</summary>
    internal ScoreDropOptions ScoreDrop => _drop;

    /// <summary>Pulls every provider, scores, stores the day's card, detects and publishes events.</summary>
    /// <param name="cancellationToken">Abandons the refresh.</param>
    /// <returns>The refresh's result (also kept as <see cref="LastResult"/>).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Provider, subscriber and history-store failures are never thrown: a store that cannot be read or
    /// written (a full disk, a read-only, corrupted or locked database) gives a result whose
    /// <see cref="RefreshResult.IsHistoryWritten"/> is <see langword="false"/>, with the reason in
    /// <see cref="RefreshResult.HistoryError"/>; nothing of that refresh is stored.</remarks>
    public async Task<RefreshResult> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        using var activity = Instrumentation.ActivitySource.StartActivity(ExposureSdkTelemetry.RefreshActivity, ActivityKind.Internal);
        var status = "Failed";
        try
        {
            var result = await RefreshCoreAsync(activity, started, cancellationToken).ConfigureAwait(false);
            status = "Succeeded";
            await PublishAsync(result, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag(ExposureSdkTelemetry.StatusTag, status);
            Instrumentation.RefreshDuration.Record(_time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>(ExposureSdkTelemetry.StatusTag, status));
            _refreshLock.Release();
        }
    }

    private async Task<RefreshResult> RefreshCoreAsync(Activity? activity, long started, CancellationToken cancellationToken)
    {
        var asOf = _time.GetUtcNow();
        PipelineLog.RefreshStarted(_logger, _providers.Length);
        var pulls = await Task.WhenAll(_providers.Select(p => PullOneAsync(p, activity, cancellationToken))).ConfigureAwait(false);

        var inOrder = new List<ProviderRecords>(_providers.Length);
        var outcomes = new List<ProviderOutcome>(_providers.Length);
        var failed = new List<(ProviderOutcome Outcome, ProviderRecords? Previous)>();
        var partial = new List<(ProviderOutcome Outcome, ProviderRecords Records)>();
        for (var i = 0; i < _providers.Length; i++)
        {
            var name = _providers[i].Name;
            var (kind, records, error, duration) = pulls[i];
            if (kind == ProviderOutcomeKind.Succeeded)
            {
                inOrder.Add(records!.Shown);
                var outcome = new ProviderOutcome(name, kind, duration, records!.Counts, null, records.PulledAt, usedLastKnownData: false, records.Coverage, records.Warnings);
                outcomes.Add(outcome);
                if (records.Coverage.Parts.Any(p => p.Status == SourceStatus.Failed))
                {
                    // Read in part (a subscription answered 403): today's records are shown, and what they
                    // feed is stale, never compared, so the missing part cannot look like a change.
                    partial.Add((outcome, records));
                }
            }
            else
            {
                _lastGood.TryGetValue(name, out var previous);
                if (previous is not null)
                {
                    inOrder.Add(previous.Shown);
                }

                var outcome = new ProviderOutcome(name, kind, duration, default, error, previous?.PulledAt, previous is not null, SourceCoverages.Failed(kind, error, previous), []);
                outcomes.Add(outcome);
                failed.Add((outcome, previous));
            }
        }

        var merged = RecordMerger.Merge(inOrder, _catalogMetrics, _catalogInitiatives);
        foreach (var warning in merged.Warnings)
        {
            PipelineLog.MergeWarning(_logger, warning);
        }

        var warnings = SourceCoverages.Warnings(outcomes).Concat(merged.Warnings).ToList();

        // A history store that cannot be read or written (disk full, read-only, corrupted, locked by another
        // process) never fails the refresh: the result says the history was not written, nothing of this refresh
        // is stored (each write is atomic), no transition is made, and the next recorded refresh compares with
        // the last card that was stored, so no event is raised twice or from a card that was never written.
        string? historyError = null;
        ScoreCard? latest = null;
        try
        {
            latest = await _history.GetLatestCardAsync(_tenantId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            historyError = HistoryFault("read", ex);
        }

        asOf = AfterLatest(asOf, latest, warnings);
        var snapshot = new ExposureSnapshot(_tenantId, asOf, merged.Recommendations, merged.Assets, merged.Assessments, merged.Metrics, merged.Initiatives);
        var report = ExposureScorer.Score(snapshot, _scoring);
        var card = ScoreCard.FromReport(report);

        IReadOnlyList<ScoreCard> seeded = [];
        ScoreCard? baseline = null;
        IReadOnlyList<SecurityEvent> storedToday = [];
        var lookBack = _drop.BaselineMaxAge + TimeSpan.FromDays(2);
        var (dayStart, dayEnd) = DailyEvents.DayBounds(asOf, _drop.TimeZone);
        var step = "read";
        if (historyError is null)
        {
            try
            {
                seeded = await SeedHistoryIfEmptyAsync(pulls, merged, card, asOf, latest, warnings, s => step = s, cancellationToken).ConfigureAwait(false);
                step = "read";
                var recent = await _history.GetCardsAsync(_tenantId, asOf - lookBack, asOf, cancellationToken).ConfigureAwait(false);
                baseline = ScoreDropDetector.SelectBaseline(recent, asOf, _drop);

                // One event per subject, kind and day (rules §4): the day's stored events, so a later refresh of the
                // day updates or withdraws them instead of raising more (also after a restart).
                storedToday = await _history.GetEventsAsync(_tenantId, dayStart, dayEnd, null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                historyError = HistoryFault(step, ex);
                baseline = null;
            }
        }

        var empty = FindEmptySources(pulls, merged, baseline, card, snapshot, warnings);
        card = StaleMarking.Apply(card, failed, partial, empty, merged, baseline, snapshot);
        var events = ScoreDropDetector.Detect(baseline, card, _drop);
        IReadOnlyList<SecurityEventChange> changes = [];
        if (historyError is null)
        {
            var reconciled = DailyEvents.Reconcile(storedToday, events, ScoreDropDetector.FindMissingScores(baseline, card), dayStart, dayEnd);
            try
            {
                await _history.RecordAsync(card, reconciled, cancellationToken).ConfigureAwait(false);
                changes = reconciled;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                historyError = HistoryFault("write", ex);
            }
        }

        if (historyError is null)
        {
            _historyKnownNonEmpty = true;

            // Only a recorded refresh updates the last known data of the providers (a pull whose missing results
            // were treated as missing data does not replace the last data with results), and what the card holds.
            RememberResults(pulls, empty, merged, asOf, lookBack);

            var cutoff = asOf - TimeSpan.FromDays(_retentionDays);
            try
            {
                var removed = await _history.PurgeAsync(_tenantId, cutoff, cancellationToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    PipelineLog.HistoryPurged(_logger, removed, cutoff);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // The card was stored; old entries stay until a later purge succeeds.
                warnings.Add($"History retention could not remove the entries older than {cutoff.ToString("O", CultureInfo.InvariantCulture)} ({ex.GetType().Name}: {ex.Message}); they stay until a later refresh removes them.");
                PipelineLog.HistoryNotPurged(_logger, ex);
            }
        }

        var raised = 0;
        foreach (var change in changes)
        {
            if (change.Transition == SecurityEventTransition.Raised)
            {
                raised++;
                Instrumentation.EventsRaised.Add(1, new KeyValuePair<string, object?>(ExposureSdkTelemetry.KindTag, change.Event.Kind.ToString()));
            }
        }

        if (baseline is not null && raised > 0)
        {
            PipelineLog.EventsRaised(_logger, raised, baseline.AsOf);
        }

        var result = new RefreshResult(asOf, _time.GetElapsedTime(started), outcomes, snapshot, report, card, baseline, events, changes, merged.Provenance, warnings.AsReadOnly(), seeded, historyError);
        Volatile.Write(ref _last, result);
        var succeeded = outcomes.Count(o => o.Succeeded);
        PipelineLog.RefreshCompleted(_logger, result.Duration.TotalSeconds, succeeded, outcomes.Count, events.Count, result.StaleMetrics.Count, result.MissingScores.Count);
        return result;
    }

    /// <summary>
    /// The time a refresh is recorded at: the clock's, unless the history already holds a card at or after it (the
    /// wall clock went backwards, or two refreshes read the same instant). Then the refresh is recorded one tick
    /// after the latest card, in that card's day: its data is newer than every stored card, so it is never stored
    /// under an earlier day (which would make a later refresh compare a day with its own data), no day is
    /// recorded twice out of order, and it is compared with the day before the latest card's day. A clock that
    /// reads earlier than at the previous refresh (or, on the first refresh of the process, earlier than the
    /// latest card) adds a warning; refreshes that read the same instant do not.
    /// </summary>
    private DateTimeOffset AfterLatest(DateTimeOffset clock, ScoreCard? latest, List<string> warnings)
    {
        if (latest is null || clock > latest.AsOf)
        {
            _lastClockReading = clock;
            return clock;
        }

        var recordedAt = latest.AsOf.AddTicks(1);
        var steppedBack = _lastClockReading is { } last ? clock < last : clock < latest.AsOf;
        _lastClockReading = clock;
        if (steppedBack)
        {
            var warning = string.Create(CultureInfo.InvariantCulture, $"The clock reads {clock:O}, before the latest card in history ({latest.AsOf:O}): it went backwards, so this refresh is recorded at {recordedAt:O}, just after that card, and compared with the day before it.");
            warnings.Add(warning);
            PipelineLog.ClockWentBackwards(_logger, clock, latest.AsOf);
        }

        return recordedAt;
    }

    /// <summary>The refresh result's <see cref="RefreshResult.HistoryError"/> for a store that failed, logged as an error.</summary>
    private string HistoryFault(string step, Exception ex)
    {
        var what = step switch
        {
            "write" => "could not be written",
            "rebuild" => "could not store the days rebuilt from the sources' history",
            _ => "could not be read",
        };
        PipelineLog.HistoryNotWritten(_logger, _history.GetType().Name, what, ex);
        return $"The history ({_history.GetType().Name}) {what}: {ex.GetType().Name}: {ex.Message} Nothing of this refresh was stored; the next refresh compares with the last card that was.";
    }
}
