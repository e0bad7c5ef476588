using System.Runtime.CompilerServices;
using Azure.Core;
using ExposureSdk.Providers.DefenderForCloud.Mapping;
using ExposureSdk.Providers.DefenderForCloud.Reading;
using ExposureSdk.Providers.DefenderForCloud.Transport;
using ExposureSdk.Providers.MicrosoftGraph.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Serialization.Json;

namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// Reads Microsoft Defender for Cloud (domain rules §2, §3 and §6): per-resource assessments, assessment
/// metadata, secure score controls and Defender plans of every subscription in scope, through Azure
/// Resource Graph (the default, tenant scale) or the Microsoft.Security REST API (per subscription).
/// Permissions: Reader and Security Reader on the subscriptions (or a management group above them).
/// </summary>
/// <remarks>
/// <para><b>Mapping.</b> One <see cref="Recommendation"/> per assessment metadata assessed on at least one
/// resource: id = the metadata name (a GUID, lower case); name = <c>displayName</c>; source
/// <see cref="RecommendationSource.DefenderForCloud"/>; workload <see cref="Workload.DefenderForCloud"/>;
/// domain <see cref="SecurityDomain.Cloud"/>; impact = <c>severity</c> (High, Medium, Low; Critical →
/// High; other → Medium); description; remediation steps = <c>remediationDescription</c> as plain text
/// (HTML removed, links keep their URL); Manage link = an assessment's <c>links.azurePortalUri</c> (an
/// unhealthy resource's when there is one); last state change = the latest <c>status.statusChangeDate</c>;
/// threats = <c>threats</c>; tags <c>category:</c>, <c>severity:</c> (lower case), <c>resourceType:</c>
/// (each resource type assessed), <c>exposure:internet</c> (a risk factor mentions the internet),
/// <c>preview</c>, <c>assessmentType:</c>, <c>userImpact:</c>, <c>implementationEffort:</c>. No max points:
/// Defender scores controls, not recommendations (see <see cref="DefenderForCloudScore"/>). One
/// <see cref="Asset"/> per <c>resourceDetails.id</c>, keyed on the lower-cased ARM id (ids compare
/// case-insensitively), kind = the resource type (for example <c>microsoft.compute/virtualmachines</c>),
/// name = the last id segment, tag <c>subscription:</c>. One <see cref="Assessment"/> per (metadata,
/// resource): Healthy → healthy, Unhealthy → unhealthy, NotApplicable → not assessed.</para>
/// <para><b>Points.</b> Each secure score control earns max × healthy / (healthy + unhealthy) over the
/// resources its non-preview assessments assessed (a resource is healthy for a control only when all of
/// them are healthy on it); preview recommendations earn no points. The result is compared with the
/// service's <c>ascScore</c>: a difference beyond its rounding (two decimals per control) is a warning
/// that says by how much.</para>
/// <para><b>Coverage.</b> A subscription with no secure score and no assessments is
/// <see cref="DefenderForCloudStatus.Inactive"/> (not shown); with the Defender CSPM plan
/// (<c>CloudPosture</c>) not Standard it is <see cref="DefenderForCloudStatus.Limited"/> ("limited cloud
/// data"); a subscription answering an HTTP error (for example 403) is
/// <see cref="DefenderForCloudStatus.Failed"/> and the others are still read and shown, while the refresh
/// marks what the source feeds stale (a partial read is never compared). A pull reports this
/// coverage to the refresh (<see cref="SourcePullContext.ReportCoverage"/>: the source's status and detail,
/// one part per subscription, the Defender for Cloud score as <see cref="SourceCoverage.Score"/>) and every
/// warning of the read (<see cref="SourcePullContext.ReportWarning"/>, for example the ascScore mismatch),
/// so they reach <c>ProviderOutcome.Coverage</c>, <c>ProviderOutcome.Warnings</c> and
/// <c>RefreshResult.Warnings</c>.</para>
/// <para><b>Transport.</b> Every request goes to <see cref="DefenderForCloudOptions.BaseUrl"/>'s host and
/// port (the adapter's own base URL is not used); a <c>nextLink</c> to another host fails before anything
/// is sent. <c>nextLink</c> and <c>$skipToken</c> are followed with a visited set and a page cap that fails
/// loudly. At most <see cref="DefenderForCloudOptions.MaxConcurrency"/> requests are in flight; each takes a
/// token of a read bucket mirroring ARM's (250, refilled 25 a second); Resource Graph's per-user quota
/// (<c>x-ms-user-quota-remaining</c> 0) is waited out for <c>x-ms-user-quota-resets-after</c>. HTTP 429,
/// 503, 504 and network failures are retried after <c>Retry-After</c> (seconds or HTTP date) or an
/// exponential backoff, on the injected <see cref="TimeProvider"/>; Kiota's own RetryHandler is switched
/// off per request. Every failure is an <see cref="ExposureSourceException"/> with the HTTP status, the ARM
/// error code, the request id (<c>x-ms-request-id</c>) and the field. Malformed JSON or a page that ends
/// mid-record fails the read.</para>
/// <para><b>Streaming.</b> Assessments are mapped page by page as they arrive; the read keeps per
/// resource only its id and two bits per control, so <see cref="ReadAsync"/> holds memory bounded by the
/// page size and the number of resources, not by the number of assessments. A pull
/// (<see cref="ExposureSourceProvider.PullAsync"/>, one per refresh) additionally keeps each assessment as
/// 9 bytes of columns until the pipeline has read it.</para>
/// </remarks>
public sealed class DefenderForCloudProvider : ExposureSourceProvider, IDisposable
{
    /// <summary>The provider's name in results, logs and errors.</summary>
    public const string ProviderName = "DefenderForCloud";

    private readonly IRequestAdapter _requestAdapter;
    private readonly ArmSettings _settings;
    private readonly ArmRequestExecutor _executor;
    private readonly IDisposable[] _owned;

    /// <summary>Creates a provider that sends through the caller's request adapter.</summary>
    /// <param name="requestAdapter">
    /// A Kiota request adapter that authenticates requests for Azure Resource Manager. Its authentication
    /// provider should only send tokens to the ARM host (Kiota's <c>AllowedHostsValidator</c>). The provider
    /// does not dispose it.
    /// </param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults (global cloud, Resource Graph, every listed subscription).</param>
    /// <param name="timeProvider">The clock for retry delays, the read bucket and the quota waits; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs retries and quota waits (never tokens or payloads); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestAdapter"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (parameter <c>options</c>; the message names each invalid option).</exception>
    public DefenderForCloudProvider(IRequestAdapter requestAdapter, DefenderForCloudOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(requestAdapter, ArmSettings.From(options ?? new DefenderForCloudOptions()), timeProvider, logger, [])
    {
    }

    private DefenderForCloudProvider(IRequestAdapter requestAdapter, ArmSettings settings, TimeProvider? timeProvider, ILogger? logger, IDisposable[] owned, Func<string, string>? redact = null)
        : base(ProviderName)
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        _requestAdapter = requestAdapter;
        _settings = settings;
        _executor = new ArmRequestExecutor(ProviderName, settings, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance, redact);
        _owned = owned;
    }

    /// <summary>
    /// Creates a provider with its own Kiota HTTP pipeline that authenticates with an Azure.Core
    /// <see cref="TokenCredential"/> (for example <c>DefaultAzureCredential</c>, a managed identity or the
    /// Azure CLI login), asking for the ARM endpoint's <c>.default</c> scope.
    /// </summary>
    /// <param name="credential">The credential. It is asked for a token only for requests to the configured ARM host; the token is never logged.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs retries and quota waits; none when <see langword="null"/>.</param>
    /// <returns>A provider that owns its HTTP client: dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (parameter <c>options</c>; the message names each invalid option).</exception>
    public static DefenderForCloudProvider Create(TokenCredential credential, DefenderForCloudOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var settings = ArmSettings.From(options ?? new DefenderForCloudOptions());
        return Create(settings, HostPinnedAccessTokenProvider.FromCredential(credential, settings.Scope, [settings.Host], settings.IsAllowed), timeProvider, logger);
    }

    /// <summary>
    /// Creates a provider with its own Kiota HTTP pipeline and bearer-token authentication from a delegate
    /// (for example a token read from an environment variable).
    /// </summary>
    /// <param name="accessTokenProvider">Returns an ARM access token. Called only for requests to the configured ARM host; the token is never logged.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs retries and quota waits; none when <see langword="null"/>.</param>
    /// <returns>A provider that owns its HTTP client: dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accessTokenProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (parameter <c>options</c>; the message names each invalid option).</exception>
    public static DefenderForCloudProvider Create(Func<CancellationToken, ValueTask<string>> accessTokenProvider, DefenderForCloudOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(accessTokenProvider);
        var settings = ArmSettings.From(options ?? new DefenderForCloudOptions());
        return Create(settings, HostPinnedAccessTokenProvider.FromDelegate(accessTokenProvider, [settings.Host], settings.IsAllowed), timeProvider, logger);
    }

    /// <summary>The ARM endpoint the provider sends to.</summary>
    public Uri BaseUrl => _settings.BaseUrl;

    /// <summary>How the provider reads: Resource Graph or REST.</summary>
    public DefenderForCloudReadPath ReadPath => _settings.ReadPath;

    /// <summary>
    /// Reads Defender for Cloud once, consistently: hands the assets and assessments to
    /// <paramref name="onPage"/> page by page as they arrive (awaited before the next page is read, so a
    /// slow consumer slows the read instead of filling memory), then returns the recommendations, the
    /// coverage of every subscription, the score and the warnings.
    /// </summary>
    /// <param name="onPage">Receives each page's new assets and its assessments.</param>
    /// <param name="cancellationToken">Cancels the read, including mid-page.</param>
    /// <returns>The recommendations, coverage, score and warnings. A subscription that answered an HTTP error is listed as failed; the read itself succeeds while any subscription could be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="onPage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ExposureSourceException">
    /// The subscription list, the assessment metadata or Resource Graph could not be read; a page was malformed
    /// or ended mid-record; paging looped, hit the page cap or linked to a foreign host.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<DefenderForCloudReadResult> ReadAsync(Func<DefenderForCloudPage, CancellationToken, ValueTask> onPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onPage);
        return new DefenderReader(ProviderName, _executor, _requestAdapter, _settings).ReadAsync(onPage, cancellationToken);
    }

    /// <summary>Disposes the HTTP pipeline the provider created (if any) and its throttling state.</summary>
    public void Dispose()
    {
        _executor.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    /// <summary>
    /// One pull: reads Defender for Cloud once (<see cref="ReadAsync"/>), keeping the assessments as the
    /// SDK's own columns (an asset index, a recommendation index and a status byte each) while the pages
    /// arrive, then serves the recommendations, the assets and the assessments of that one read.
    /// </summary>
    /// <param name="context">The pull's context.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch of the read.</returns>
    /// <remarks>
    /// The recommendations depend on every assessment (which metadata is assessed, on which resource
    /// types, the Manage link), and the pipeline reads them first, so the read completes before the batch
    /// is returned. When some subscriptions failed (for example 403) and others were read, the pull
    /// succeeds with the readable ones, its coverage is Limited with one Failed part per failed
    /// subscription, and the pipeline marks every metric and initiative it feeds stale (never compared), so
    /// the missing part cannot look like a change. When no subscription could be read, the pull fails.
    /// </remarks>
    protected override async Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        var assets = new List<Asset>();
        var columns = new AssessmentColumns();
        var result = await ReadAsync(
            (page, _) =>
            {
                assets.AddRange(page.Assets);
                columns.Add(page);
                return ValueTask.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        EnsureUsable(result);
        ReportCoverage(context, result);
        // The pipeline passes its token to each enumeration ([EnumeratorCancellation]).
        return new SourceBatch(Stream(result.Recommendations, CancellationToken.None), Stream(assets, CancellationToken.None), Stream(columns.Read(), CancellationToken.None));
    }

    private static DefenderForCloudProvider Create(ArmSettings settings, HostPinnedAccessTokenProvider tokens, TimeProvider? timeProvider, ILogger? logger)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(tokens);
        var handlers = KiotaClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        var httpClient = KiotaClientFactory.Create(handlers);
        var parseNodes = new ParseNodeFactoryRegistry();
        parseNodes.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        var adapter = new HttpClientRequestAdapter(authentication, parseNodes, writers, httpClient)
        {
            BaseUrl = settings.BaseUrlText,
        };
        return new DefenderForCloudProvider(adapter, settings, timeProvider, logger, [adapter, httpClient], tokens.Redact);
    }

    /// <summary>
    /// Reports the read's coverage to the pull (domain rules §2): the source's status and detail ("limited
    /// cloud data: …" when the Defender CSPM plan is off), one part per subscription, the Defender for Cloud
    /// score over the readable subscriptions, and every warning (for example the ascScore mismatch).
    /// </summary>
    private static void ReportCoverage(SourcePullContext context, DefenderForCloudReadResult result)
    {
        var parts = result.Subscriptions.Select(s => new SourceCoveragePart(s.SubscriptionId, ToSourceStatus(s.Status), Truncate(s.Detail)));
        Scoring.PointsScore? score = result.Score is { } total && double.IsFinite(total.AchievedPoints) && double.IsFinite(total.MaxPoints) && total.MaxPoints >= 0 && total.AchievedPoints >= 0 && total.AchievedPoints <= total.MaxPoints * (1 + 1e-12)
            ? new Scoring.PointsScore(total.AchievedPoints, total.MaxPoints)
            : null;
        context.ReportCoverage(new SourceCoverage(ToSourceStatus(result.Status), Truncate(result.Detail), parts, score));
        foreach (var warning in result.Warnings)
        {
            context.ReportWarning(warning);
        }
    }

    private static SourceStatus ToSourceStatus(DefenderForCloudStatus status) => status switch
    {
        DefenderForCloudStatus.Active => SourceStatus.Active,
        DefenderForCloudStatus.Limited => SourceStatus.Limited,
        DefenderForCloudStatus.Inactive => SourceStatus.Inactive,
        _ => SourceStatus.Failed,
    };

    private static string Truncate(string detail)
        => Internal.TextCut.WithEllipsis(detail, SourceCoverage.MaxDetailLength);

    private DefenderForCloudReadResult EnsureUsable(DefenderForCloudReadResult result)
    {
        // Some subscriptions failed: the readable ones are served, and the coverage's Failed parts make the
        // pipeline mark what this source feeds stale (rules §2), so partial data never raises a drop.
        // None readable: the pull fails, and the pipeline keeps the last known records.
        if (result.Status == DefenderForCloudStatus.Failed)
        {
            throw new ExposureSourceException(Name, "No subscription could be read, so this refresh keeps the last known Defender for Cloud data: " + result.Detail, field: "subscriptions");
        }

        return result;
    }

#pragma warning disable CS1998 // The records are in memory; the stream is async to honour the IAsyncEnumerable contract.
    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
