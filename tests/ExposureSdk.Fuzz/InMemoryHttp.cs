using System.Net;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace ExposureSdk.Fuzz;

/// <summary>
/// Answers every request in memory (no socket): <see cref="Respond"/> picks the body for a request. A
/// provider then sends, receives and parses exactly as it does against the service, through Kiota's default
/// HTTP pipeline (its own retry handler is switched off per request by the providers).
/// </summary>
public sealed class InMemoryHttp : HttpMessageHandler
{
    public Func<HttpRequestMessage, string?, byte[]?> Respond { get; set; } = (_, _) => null;

    public HttpClientRequestAdapter Adapter(string baseUrl)
    {
        var parseNodes = new ParseNodeFactoryRegistry();
        parseNodes.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        var client = KiotaClientFactory.Create(this);
        return new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), parseNodes, writers, client) { BaseUrl = baseUrl };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var body = Respond(request, requestBody);
        if (body is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent("{\"error\":{\"code\":\"NotFound\",\"message\":\"not served\"}}", System.Text.Encoding.UTF8, "application/json"),
            };
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
    }
}
