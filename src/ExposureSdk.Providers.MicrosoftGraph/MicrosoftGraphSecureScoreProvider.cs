using System.Runtime.CompilerServices;
using Azure.Core;
using ExposureSdk.Providers.MicrosoftGraph.Mapping;
using ExposureSdk.Providers.MicrosoftGraph.Models;
using ExposureSdk.Providers.MicrosoftGraph.Requests;
using ExposureSdk.Providers.MicrosoftGraph.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Serialization.Json;

namespace ExposureSdk.Providers.MicrosoftGraph;

/// <summary>
/// Reads Microsoft Secure Score from Microsoft Graph (<c>GET /security/secureScoreControlProfiles</c> and
/// <c>GET /security/secureScores</c>, permission <c>SecurityEvents.Read.All</c>) and maps it to
/// recommendations with count-only results (domain rules §2 and §5).
/// </summary>
/// <remarks>
/// <para><b>Mapping.</b> Every control profile that is not <c>deprecated</c> becomes one
/// <see cref="Recommendation"/> with source <see cref="RecommendationSource.MicrosoftSecureScore"/>:
/// id = profile <c>id</c>; name = <c>title</c> (the id when empty); domain from <c>controlCategory</c>
/// (Identity → Identity, Data → Data, Device → Devices, Apps → Apps, Infrastructure → Cloud; a name of an
/// SDK domain maps to it; other categories are kept as-is; a missing category is an error); workload from
/// <c>service</c> (AzureAD → Microsoft Entra ID, EXO → Exchange Online, SPO → SharePoint Online, IP →
/// Microsoft Purview Information Protection, MDATP → Defender for Endpoint, MDO → Defender for Office,
/// MDI → Defender for Identity, MCAS → Microsoft Defender for Cloud Apps, Intune → Intune, Teams →
/// Microsoft Teams, and a few aliases; unknown services are kept as-is; a missing service becomes
/// "Microsoft 365"); impact from <c>userImpact</c> (Low → Low, Moderate → Medium, High → High, other →
/// Medium); remediation steps from <c>remediation</c> with HTML removed (block elements separate steps,
/// entities decoded, links keep their URL); manage link = <c>actionUrl</c> when it is an absolute http(s)
/// URL; threats as documented camelCase values ("Data Exfiltration" → <c>dataExfiltration</c>); tags
/// <c>tier:</c>, <c>actionType:</c>, <c>implementationCost:</c>, <c>service:</c>, <c>rank:</c>,
/// <c>secureScoreMaxScore:</c> (the raw Graph points) and <c>compliance:</c> (certification, and
/// certification/control); description = today's control-score description and the remediation impact.
/// </para>
/// <para><b>Max points.</b> Graph's own <c>maxScore</c>, never rescaled (rules §3): a control worth 20
/// points carries 20, a fractional maximum is kept as it is, and the Secure Score is Graph's points over
/// Graph's maximum, as the portal shows it. A <c>maxScore</c> that is missing, negative or not finite
/// gives no max points (the control adds nothing to the points); a max of 0 adds nothing either.
/// </para>
/// <para><b>Results and state.</b> Today's <c>controlScores</c> (from the newest daily Secure Score) join on
/// <c>controlName == id</c>. With <c>count</c>/<c>total</c> (numbers or strings), the result is
/// affected = total − count of total. Without them, the tenant is the one assessed entity: 0 of 1
/// affected when fully scored (<c>score ≥ maxScore</c>), 1 of 1 when partially (so partial credit is not
/// kept). Fully scored → Compliant, partially → NotCompliant; when count/total disagree with the points,
/// the points win and the state is set explicitly. The latest <c>controlStateUpdates</c> entry decides
/// the rest: <c>ThirdParty</c> → <see cref="ComplianceState.MitigatedByOrganization"/>; <c>Ignored</c> →
/// <see cref="Recommendation.IsRiskAccepted"/>; <c>Default</c>/<c>Reviewed</c> → derived. A control
/// without a score today has no result (NotAvailable). Last calculated = the Secure Score's
/// <c>createdDateTime</c>; last state change = the latest state update's <c>updatedDateTime</c>.</para>
/// <para><b>History.</b> <see cref="ExposureSourceProvider.GetHistoryAsync"/> yields the up to
/// <see cref="MicrosoftGraphProviderOptions.HistoryDays"/> (≤ 90) daily Secure Scores, each mapped with the
/// rules above from that day's <c>controlScores</c> and the control state in force that day. The refresh
/// pipeline reads it on a new tenant's first refresh and seeds its history with one score card per day,
/// so trends and score-drop events work on the first run.</para>
/// <para><b>Transport.</b> Every request goes to <see cref="MicrosoftGraphProviderOptions.BaseUrl"/> (the
/// adapter's own base URL is not used); <c>@odata.nextLink</c> is followed with a visited set and a page
/// cap, and only to the base URL's host and port or <see cref="MicrosoftGraphProviderOptions.AllowedHosts"/>;
/// a link elsewhere fails before anything is sent. At most
/// <see cref="MicrosoftGraphProviderOptions.MaxConcurrency"/> (≤ 4) requests are in flight, and at most
/// <see cref="MicrosoftGraphProviderOptions.MaxRequestsPerMinute"/> (≤ 150, Graph's limit per tenant) start
/// within any sliding 60-second window, retries and pages included; a request over the limit waits on the
/// injected <see cref="TimeProvider"/> (cancellable) for the oldest one to leave the window. The limit is
/// shared by every read of one provider instance, so use one instance per tenant. HTTP 429, 503,
/// 504, network failures and timeouts are retried after <c>Retry-After</c> (seconds or HTTP date) or an
/// exponential backoff, waiting on the injected <see cref="TimeProvider"/>. This is the only retry layer:
/// each request carries a Kiota <c>RetryHandlerOption</c> with <c>MaxRetry = 0</c>, which switches off
/// the <c>RetryHandler</c> of a Kiota/Graph client pipeline for these requests. Every failure surfaces as
/// an <see cref="ExposureSourceException"/> with the HTTP status, the Graph <c>error.code</c> and the
/// request id (<c>request-id</c> / <c>client-request-id</c> header, else <c>error.innerError</c>).
/// A retry waits for its <c>Retry-After</c> or backoff first and then, like any request, for a rate slot.</para>
/// <para>Profiles are read in full before the first recommendation is yielded: the pull reports its coverage
/// (and the Secure Score it read) before the recommendations are consumed.</para>
/// </remarks>
public sealed class MicrosoftGraphSecureScoreProvider : ExposureSourceProvider, IDisposable
{
    /// <summary>The provider's name in results, logs and errors.</summary>
    public const string ProviderName = "MicrosoftGraph";

    private readonly IRequestAdapter _requestAdapter;
    private readonly GraphSettings _settings;
    private readonly GraphRequestExecutor _executor;
    private readonly IDisposable[] _owned;

    /// <summary>Creates a provider that sends through the caller's request adapter.</summary>
    /// <param name="requestAdapter">
    /// A Kiota request adapter that authenticates requests (for example the one of an existing Graph
    /// client, or an <c>HttpClientRequestAdapter</c> with your authentication provider). Its
    /// authentication provider should only send tokens to Graph hosts (Kiota's
    /// <c>AllowedHostsValidator</c>). The provider does not dispose it.
    /// </param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults (public cloud, 90 days, 4 concurrent requests).</param>
    /// <param name="timeProvider">The clock for retry delays and the rate limit; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs retries and rate-limit waits (never tokens or payloads); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestAdapter"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (parameter <c>options</c>; the message names each invalid option).</exception>
    public MicrosoftGraphSecureScoreProvider(IRequestAdapter requestAdapter, MicrosoftGraphProviderOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(requestAdapter, GraphSettings.From(options ?? new MicrosoftGraphProviderOptions()), timeProvider, logger, [])
    {
    }

    private MicrosoftGraphSecureScoreProvider(IRequestAdapter requestAdapter, GraphSettings settings, TimeProvider? timeProvider, ILogger? logger, IDisposable[] owned, Func<string, string>? redact = null)
        : base(ProviderName)
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        _requestAdapter = requestAdapter;
        _settings = settings;
        _executor = new GraphRequestExecutor(ProviderName, settings, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance, redact);
        _owned = owned;
    }

    /// <summary>
    /// Creates a provider with its own Kiota HTTP pipeline and bearer-token authentication: the simplest
    /// way to read a tenant given an access token (for example from an environment variable).
    /// </summary>
    /// <param name="baseUrl">The Graph base URL with its version, for example <see cref="MicrosoftGraphCloud.Global"/>; overrides <see cref="MicrosoftGraphProviderOptions.BaseUrl"/>.</param>
    /// <param name="accessTokenProvider">
    /// Returns an access token for Graph with <c>SecurityEvents.Read.All</c>. It is called only for
    /// requests to the base URL's host and port (or <see cref="MicrosoftGraphProviderOptions.AllowedHosts"/>), so
    /// the token is never sent anywhere else; the provider never logs it.
    /// </param>
    /// <param name="options">The other settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for retry delays and the rate limit; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs retries and rate-limit waits (never tokens or payloads); none when <see langword="null"/>.</param>
    /// <returns>A provider that owns its HTTP client: dispose it when done.</returns>
    /// <remarks>
    /// The pipeline is Kiota's default middleware without its <c>RetryHandler</c> (the provider is the
    /// only retry layer) and with JSON parsing registered on the adapter itself (no global registry is changed).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="baseUrl"/> or <paramref name="accessTokenProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute https URL (http only for loopback), or an option is invalid.</exception>
    public static MicrosoftGraphSecureScoreProvider Create(
        Uri baseUrl,
        Func<CancellationToken, ValueTask<string>> accessTokenProvider,
        MicrosoftGraphProviderOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(accessTokenProvider);
        var settings = Settings(baseUrl, options);
        return Create(settings, HostPinnedAccessTokenProvider.FromDelegate(accessTokenProvider, settings.AllowedHosts, settings.IsAllowed), timeProvider, logger);
    }

    /// <summary>
    /// Creates a provider with its own Kiota HTTP pipeline that authenticates with an Azure.Core
    /// <see cref="TokenCredential"/>: <c>DefaultAzureCredential</c>, a managed identity, the Azure CLI login,
    /// a client secret or certificate (Azure.Identity), asking for the Graph endpoint's <c>.default</c> scope
    /// (<c>https://graph.microsoft.com/.default</c> for the global service; the national cloud's host for
    /// the others).
    /// </summary>
    /// <param name="baseUrl">The Graph base URL with its version, for example <see cref="MicrosoftGraphCloud.Global"/>; overrides <see cref="MicrosoftGraphProviderOptions.BaseUrl"/>.</param>
    /// <param name="credential">
    /// The credential; it caches and refreshes the token. The identity needs the Graph application
    /// permission (or delegated scope) <c>SecurityEvents.Read.All</c>. It is asked for a token only for
    /// requests to the base URL's host and port (or <see cref="MicrosoftGraphProviderOptions.AllowedHosts"/>),
    /// and the token is never logged.
    /// </param>
    /// <param name="options">The other settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for retry delays and the rate limit; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Logs retries and rate-limit waits (never tokens or payloads); none when <see langword="null"/>.</param>
    /// <returns>A provider that owns its HTTP client: dispose it when done.</returns>
    /// <remarks>
    /// A credential that cannot get a token (for example Azure.Identity's <c>CredentialUnavailableException</c>
    /// or <c>AuthenticationFailedException</c>) fails the read with that exception, before anything is sent;
    /// the refresh pipeline reports it as this provider's failure. Nothing is retried: the credential has
    /// its own retry policy.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="baseUrl"/> or <paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute https URL (http only for loopback), or an option is invalid.</exception>
    public static MicrosoftGraphSecureScoreProvider Create(
        Uri baseUrl,
        TokenCredential credential,
        MicrosoftGraphProviderOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(credential);
        var settings = Settings(baseUrl, options);
        return Create(settings, HostPinnedAccessTokenProvider.FromCredential(credential, settings.Scope, settings.AllowedHosts, settings.IsAllowed), timeProvider, logger);
    }

    /// <summary>The Graph base URL the provider sends to (no trailing slash).</summary>
    public Uri BaseUrl => _settings.BaseUrl;

    /// <summary>
    /// Reads up to <see cref="MicrosoftGraphProviderOptions.HistoryDays"/> (≤ 90) days of Secure Score
    /// history, following every page: Graph's own points and percentage per day, for display. (The
    /// pipeline seeds score history from <see cref="ExposureSourceProvider.GetHistoryAsync"/>, which maps
    /// each day's control scores to recommendations.)
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// One entry per UTC day, oldest first. Days Graph did not record are simply absent; a record whose
    /// <c>createdDateTime</c>, <c>currentScore</c> or <c>maxScore</c> is missing or unreadable is skipped;
    /// with several records for one day the newest counts. Empty for a tenant without Secure Score data.
    /// </returns>
    /// <exception cref="ExposureSourceException">Graph failed (status, error code and request id attached), a page was malformed, or paging looped, exceeded the page cap or pointed to another host.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<SecureScoreHistoryEntry>> GetSecureScoreHistoryAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var scores = await ReadScoresAsync(_settings.HistoryDays, allPages: true, cancellationToken).ConfigureAwait(false);
            return SecureScoreMapper.ToHistory(scores, _settings.HistoryDays).AsReadOnly();
        }
        catch (Exception ex) when (ex is not ExposureSourceException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new ExposureSourceException(ProviderName, $"Reading Secure Score history failed: {ex.GetType().Name}.", ex);
        }
    }

    /// <summary>Releases the HTTP client and adapter that <c>Create</c> made; a caller's adapter is left alone.</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _executor.Dispose();
    }

    /// <summary>
    /// One pull: reads the control profiles and the newest daily Secure Score once, and serves today's
    /// recommendations. A tenant with no daily Secure Score at all (Secure Score is not active) is reported
    /// <see cref="SourceStatus.Inactive"/> (domain rules §2), so the refresh does not show its
    /// recommendations; otherwise the pull is Active and reports Graph's own points
    /// (<c>currentScore</c> of <c>maxScore</c>) as <see cref="SourceCoverage.Score"/>.
    /// </summary>
    /// <param name="context">The pull's context.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch of today's recommendations.</returns>
    protected override async Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        var (profiles, scores) = await ReadProfilesAndScoresAsync(1, allPages: false, cancellationToken).ConfigureAwait(false);
        if (SecureScoreMapper.Latest(scores) is not { } latest)
        {
            context.ReportCoverage(new SourceCoverage(SourceStatus.Inactive, InactiveDetail));
            return new SourceBatch(AsyncEnumerable.Empty<Recommendation>());
        }

        var recommendations = SecureScoreMapper.ToRecommendations(profiles, latest, ProviderName);
        var detail = latest.CreatedDateTime is { } created
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the daily Secure Score of {created.UtcDateTime:yyyy-MM-dd} (UTC)")
            : "the latest daily Secure Score";
        context.ReportCoverage(new SourceCoverage(SourceStatus.Active, detail, score: PointsOf(latest)));
        return new SourceBatch(recommendations.ToAsyncEnumerable());
    }

    /// <summary>
    /// Yields up to <see cref="MicrosoftGraphProviderOptions.HistoryDays"/> (≤ 90) days of Secure Score
    /// history as recommendations: every active control profile, joined with that day's
    /// <c>controlScores</c> and mapped exactly as today's (same ids, Graph's own points, results and state rules),
    /// with the control state in force that day (the latest <c>controlStateUpdates</c> entry dated at or
    /// before the day's <c>createdDateTime</c>). One day per UTC calendar day (the newest record counts);
    /// records without a readable <c>createdDateTime</c> are skipped; days Graph did not record are absent.
    /// Today's control profiles (titles, max points, deprecation) describe every day: Graph keeps no
    /// history of them.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The days, oldest first.</returns>
    protected override async IAsyncEnumerable<SourceHistoryDay> GetHistoryCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (profiles, scores) = await ReadProfilesAndScoresAsync(_settings.HistoryDays, allPages: true, cancellationToken).ConfigureAwait(false);
        foreach (var day in SecureScoreMapper.ToHistoryDays(profiles, scores, _settings.HistoryDays, ProviderName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return day;
        }
    }

    /// <summary>Why a tenant without any daily Secure Score is inactive.</summary>
    internal const string InactiveDetail = "the tenant has no daily Secure Score at all (Secure Score is not active), so its recommendations are not shown";

    /// <summary>Graph's own points of a daily Secure Score, or <see langword="null"/> when they are missing or inconsistent.</summary>
    private static Scoring.PointsScore? PointsOf(SecureScore score)
        => score.CurrentScore is { } current && score.MaxScore is { } max && double.IsFinite(current) && double.IsFinite(max) && max >= 0 && current >= 0 && current <= max * (1 + 1e-12)
            ? new Scoring.PointsScore(current, max)
            : null;

    private async Task<(List<SecureScoreControlProfile> Profiles, List<SecureScore> Scores)> ReadProfilesAndScoresAsync(int top, bool allPages, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var profilesTask = CancelSiblingOnFailure(ReadProfilesAsync(linked.Token), linked);
        var scoresTask = CancelSiblingOnFailure(ReadScoresAsync(top, allPages, linked.Token), linked);
        try
        {
            await Task.WhenAll(profilesTask, scoresTask).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // One read failed and cancelled the other: surface the failure, not the sibling's cancellation.
            foreach (var task in new Task[] { profilesTask, scoresTask })
            {
                if (task.IsFaulted && task.Exception?.InnerException is { } failure)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                }
            }

            throw;
        }

        return (profilesTask.Result, scoresTask.Result);
    }

    private static async Task<T> CancelSiblingOnFailure<T>(Task<T> task, CancellationTokenSource sibling)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch
        {
            await sibling.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static GraphSettings Settings(Uri baseUrl, MicrosoftGraphProviderOptions? options)
    {
        var copy = new MicrosoftGraphProviderOptions
        {
            BaseUrl = baseUrl,
            HistoryDays = options?.HistoryDays ?? MicrosoftGraphProviderOptions.MaxHistoryDays,
            MaxPages = options?.MaxPages ?? 100,
            MaxConcurrency = options?.MaxConcurrency ?? MicrosoftGraphProviderOptions.MaxConcurrencyLimit,
            MaxRequestsPerMinute = options?.MaxRequestsPerMinute ?? MicrosoftGraphProviderOptions.MaxRequestsPerMinuteLimit,
            MaxRetries = options?.MaxRetries ?? 4,
            RetryBaseDelay = options?.RetryBaseDelay ?? TimeSpan.FromSeconds(1),
            MaxRetryDelay = options?.MaxRetryDelay ?? TimeSpan.FromMinutes(2),
        };
        foreach (var host in options?.AllowedHosts ?? [])
        {
            copy.AllowedHosts.Add(host);
        }

        return GraphSettings.From(copy);
    }

    private static MicrosoftGraphSecureScoreProvider Create(GraphSettings settings, IAccessTokenProvider tokens, TimeProvider? timeProvider, ILogger? logger)
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
        return new MicrosoftGraphSecureScoreProvider(adapter, settings, timeProvider, logger, [adapter, httpClient], tokens is HostPinnedAccessTokenProvider pinned ? pinned.Redact : null);
    }

    internal Uri ProfilesUrl()
        => new SecureScoreControlProfilesRequestBuilder(PathParameters(), _requestAdapter).ToGetRequestInformation().URI;

    internal Uri ScoresUrl(int top)
        => new SecureScoresRequestBuilder(PathParameters(), _requestAdapter).ToGetRequestInformation(c => c.QueryParameters.Top = top).URI;

    private Dictionary<string, object> PathParameters() => new(StringComparer.Ordinal) { ["baseurl"] = _settings.BaseUrlText };

    private Task<List<SecureScoreControlProfile>> ReadProfilesAsync(CancellationToken cancellationToken)
        => _executor.ReadAllAsync<SecureScoreControlProfile, SecureScoreControlProfileCollectionResponse>(
            "secureScoreControlProfiles",
            ProfilesUrl(),
            (url, options, ct) => new SecureScoreControlProfilesRequestBuilder(url, _requestAdapter).GetAsync(c => AddOptions(c.Options, options), ct),
            cancellationToken);

    private async Task<List<SecureScore>> ReadScoresAsync(int top, bool allPages, CancellationToken cancellationToken)
    {
        GraphRequestExecutor.PageSender<SecureScoreCollectionResponse> send =
            (url, options, ct) => new SecureScoresRequestBuilder(url, _requestAdapter).GetAsync(c => AddOptions(c.Options, options), ct);
        if (allPages)
        {
            return await _executor.ReadAllAsync<SecureScore, SecureScoreCollectionResponse>("secureScores", ScoresUrl(top), send, cancellationToken).ConfigureAwait(false);
        }

        var page = await _executor.SendAsync("secureScores", ScoresUrl(top), send, cancellationToken).ConfigureAwait(false);
        return page.Value;
    }

    private static void AddOptions(IList<IRequestOption> target, IList<IRequestOption> options)
    {
        foreach (var option in options)
        {
            target.Add(option);
        }
    }
}
