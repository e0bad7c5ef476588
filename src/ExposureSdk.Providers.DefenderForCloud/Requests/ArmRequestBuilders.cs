using ExposureSdk.Providers.DefenderForCloud.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.DefenderForCloud.Requests;

/// <summary>
/// Builds and sends one GET of an ARM list in the style of a Kiota request builder: a pure
/// <see cref="ToGetRequestInformation"/> and a <see cref="GetAsync"/> that sends through the
/// <see cref="IRequestAdapter"/>. Built from a template (first page) or from an absolute <c>nextLink</c>.
/// </summary>
/// <typeparam name="T">The item type of the page.</typeparam>
internal sealed class ArmListRequestBuilder<T> : BaseRequestBuilder
    where T : IParsable
{
    private readonly ParsableFactory<T> _itemFactory;
    private readonly string? _apiVersion;
    private readonly string? _expand;

    public ArmListRequestBuilder(IRequestAdapter requestAdapter, string template, Dictionary<string, object> pathParameters, string apiVersion, string? expand, ParsableFactory<T> itemFactory)
        : base(requestAdapter, template, pathParameters)
    {
        _itemFactory = itemFactory;
        _apiVersion = apiVersion;
        _expand = expand;
    }

    public ArmListRequestBuilder(IRequestAdapter requestAdapter, string template, string rawUrl, ParsableFactory<T> itemFactory)
        : base(requestAdapter, template, rawUrl)
    {
        _itemFactory = itemFactory;
    }

    /// <summary>Sends the request and parses one page.</summary>
    public Task<ArmPage<T>?> GetAsync(IEnumerable<IRequestOption> options, CancellationToken cancellationToken)
    {
        var requestInfo = ToGetRequestInformation();
        requestInfo.AddRequestOptions(options);
        return RequestAdapter.SendAsync(requestInfo, ArmPage<T>.Factory(_itemFactory), ArmError.Mapping(), cancellationToken);
    }

    /// <summary>Describes the request without sending it.</summary>
    public RequestInformation ToGetRequestInformation()
    {
        var requestInfo = new RequestInformation(Method.GET, UrlTemplate, PathParameters);
        if (_apiVersion is not null)
        {
            requestInfo.QueryParameters["api%2Dversion"] = _apiVersion;
        }

        if (_expand is not null)
        {
            requestInfo.QueryParameters["%24expand"] = _expand;
        }

        requestInfo.Headers.TryAdd("Accept", "application/json");
        return requestInfo;
    }

    /// <summary>A builder for the same operation at an absolute URL (a <c>nextLink</c>).</summary>
    public ArmListRequestBuilder<T> WithUrl(string rawUrl) => new(RequestAdapter, UrlTemplate, rawUrl, _itemFactory);
}

/// <summary>
/// Builds and sends <c>POST /providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01</c> (one
/// query page) in the style of a Kiota request builder.
/// </summary>
internal sealed class ResourceGraphRequestBuilder : BaseRequestBuilder
{
    public const string ApiVersion = "2024-04-01";

    internal const string Template = "{+baseurl}/providers/Microsoft.ResourceGraph/resources{?api%2Dversion}";

    public ResourceGraphRequestBuilder(IRequestAdapter requestAdapter, Dictionary<string, object> pathParameters)
        : base(requestAdapter, Template, pathParameters)
    {
    }

    /// <summary>Sends the query and parses one page of rows.</summary>
    public Task<ResourceGraphPage<T>?> PostAsync<T>(ResourceGraphQuery body, ParsableFactory<T> rowFactory, IEnumerable<IRequestOption> options, CancellationToken cancellationToken)
        where T : IParsable
    {
        var requestInfo = ToPostRequestInformation(body);
        requestInfo.AddRequestOptions(options);
        return RequestAdapter.SendAsync(requestInfo, ResourceGraphPage<T>.Factory(rowFactory), ArmError.Mapping(), cancellationToken);
    }

    /// <summary>Describes the request without sending it.</summary>
    public RequestInformation ToPostRequestInformation(ResourceGraphQuery body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var requestInfo = new RequestInformation(Method.POST, UrlTemplate, PathParameters);
        requestInfo.QueryParameters["api%2Dversion"] = ApiVersion;
        requestInfo.Headers.TryAdd("Accept", "application/json");
        requestInfo.SetContentFromParsable(RequestAdapter, "application/json", body);
        return requestInfo;
    }
}

/// <summary>The ARM operations the provider reads, with their templates and api-versions.</summary>
internal static class ArmRequests
{
    public const string SubscriptionsTemplate = "{+baseurl}/subscriptions{?api%2Dversion}";
    public const string AssessmentMetadataTemplate = "{+baseurl}/providers/Microsoft.Security/assessmentMetadata{?api%2Dversion}";
    public const string ControlDefinitionsTemplate = "{+baseurl}/providers/Microsoft.Security/secureScoreControlDefinitions{?api%2Dversion}";
    public const string AssessmentsTemplate = "{+baseurl}/subscriptions/{subscriptionId}/providers/Microsoft.Security/assessments{?api%2Dversion,%24expand}";
    public const string SecureScoresTemplate = "{+baseurl}/subscriptions/{subscriptionId}/providers/Microsoft.Security/secureScores{?api%2Dversion}";
    public const string SecureScoreControlsTemplate = "{+baseurl}/subscriptions/{subscriptionId}/providers/Microsoft.Security/secureScoreControls{?api%2Dversion,%24expand}";
    public const string PricingsTemplate = "{+baseurl}/subscriptions/{subscriptionId}/providers/Microsoft.Security/pricings{?api%2Dversion}";

    public static ArmListRequestBuilder<ArmSubscription> Subscriptions(IRequestAdapter adapter, string baseUrl)
        => new(adapter, SubscriptionsTemplate, Path(baseUrl), "2022-12-01", null, ArmSubscription.Create);

    public static ArmListRequestBuilder<ArmResource<AssessmentMetadataProperties>> AssessmentMetadata(IRequestAdapter adapter, string baseUrl)
        => new(adapter, AssessmentMetadataTemplate, Path(baseUrl), "2021-06-01", null, ArmResource<AssessmentMetadataProperties>.Factory(AssessmentMetadataProperties.Create));

    public static ArmListRequestBuilder<ArmResource<SecureScoreControlProperties>> ControlDefinitions(IRequestAdapter adapter, string baseUrl)
        => new(adapter, ControlDefinitionsTemplate, Path(baseUrl), "2020-01-01", null, ArmResource<SecureScoreControlProperties>.Factory(SecureScoreControlProperties.Create));

    public static ArmListRequestBuilder<ArmResource<AssessmentProperties>> Assessments(IRequestAdapter adapter, string baseUrl, string subscriptionId)
        => new(adapter, AssessmentsTemplate, Path(baseUrl, subscriptionId), "2021-06-01", "links", ArmResource<AssessmentProperties>.Factory(AssessmentProperties.Create));

    public static ArmListRequestBuilder<ArmResource<SecureScoreProperties>> SecureScores(IRequestAdapter adapter, string baseUrl, string subscriptionId)
        => new(adapter, SecureScoresTemplate, Path(baseUrl, subscriptionId), "2020-01-01", null, ArmResource<SecureScoreProperties>.Factory(SecureScoreProperties.Create));

    public static ArmListRequestBuilder<ArmResource<SecureScoreControlProperties>> SecureScoreControls(IRequestAdapter adapter, string baseUrl, string subscriptionId)
        => new(adapter, SecureScoreControlsTemplate, Path(baseUrl, subscriptionId), "2020-01-01", "definition", ArmResource<SecureScoreControlProperties>.Factory(SecureScoreControlProperties.Create));

    public static ArmListRequestBuilder<ArmResource<PricingProperties>> Pricings(IRequestAdapter adapter, string baseUrl, string subscriptionId)
        => new(adapter, PricingsTemplate, Path(baseUrl, subscriptionId), "2024-01-01", null, ArmResource<PricingProperties>.Factory(PricingProperties.Create));

    public static ResourceGraphRequestBuilder ResourceGraph(IRequestAdapter adapter, string baseUrl) => new(adapter, Path(baseUrl));

    private static Dictionary<string, object> Path(string baseUrl, string? subscriptionId = null)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal) { ["baseurl"] = baseUrl };
        if (subscriptionId is not null)
        {
            parameters["subscriptionId"] = subscriptionId;
        }

        return parameters;
    }
}
