using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Abstractions;

namespace ExposureSdk.Providers.MicrosoftGraph.Requests;

/// <summary>
/// Builds and sends <c>GET /security/secureScoreControlProfiles</c> in the style of a Kiota request
/// builder: a pure <see cref="ToGetRequestInformation"/> and a <see cref="GetAsync"/> that sends through
/// the <see cref="IRequestAdapter"/>.
/// </summary>
internal sealed class SecureScoreControlProfilesRequestBuilder : BaseRequestBuilder
{
    internal const string Template = "{+baseurl}/security/secureScoreControlProfiles{?%24top}";

    /// <summary>Creates a builder for the collection under the base URL in <paramref name="pathParameters"/> (<c>baseurl</c>).</summary>
    public SecureScoreControlProfilesRequestBuilder(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter)
        : base(requestAdapter, Template, pathParameters)
    {
    }

    /// <summary>Creates a builder for an absolute URL (a page link).</summary>
    public SecureScoreControlProfilesRequestBuilder(string rawUrl, IRequestAdapter requestAdapter)
        : base(requestAdapter, Template, rawUrl)
    {
    }

    /// <summary>Sends the request and parses one page.</summary>
    public async Task<SecureScoreControlProfileCollectionResponse?> GetAsync(
        Action<RequestConfiguration<GetQueryParameters>>? requestConfiguration = default,
        CancellationToken cancellationToken = default)
    {
        var requestInfo = ToGetRequestInformation(requestConfiguration);
        return await RequestAdapter.SendAsync(requestInfo, SecureScoreControlProfileCollectionResponse.CreateFromDiscriminatorValue, GraphErrorMapping.Create(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Describes the request without sending it.</summary>
    public RequestInformation ToGetRequestInformation(Action<RequestConfiguration<GetQueryParameters>>? requestConfiguration = default)
    {
        var requestInfo = new RequestInformation(Method.GET, UrlTemplate, PathParameters);
        requestInfo.Configure(requestConfiguration);
        requestInfo.Headers.TryAdd("Accept", "application/json");
        return requestInfo;
    }

    /// <summary>A builder for the same operation at an absolute URL (for <c>@odata.nextLink</c>).</summary>
    public SecureScoreControlProfilesRequestBuilder WithUrl(string rawUrl) => new(rawUrl, RequestAdapter);

    /// <summary>The query parameters of <c>GET /security/secureScoreControlProfiles</c>.</summary>
    internal sealed class GetQueryParameters
    {
        /// <summary><c>$top</c>: the page size to ask for; Graph may return fewer and a next link.</summary>
        [QueryParameter("%24top")]
        public int? Top { get; set; }
    }
}
