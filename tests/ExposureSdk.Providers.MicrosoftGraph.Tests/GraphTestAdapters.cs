using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>Builds request adapters the way a user would: Kiota's full default pipeline, RetryHandler included.</summary>
internal static class GraphTestAdapters
{
    public static HttpClientRequestAdapter UserAdapter(string? baseUrl = null, IAuthenticationProvider? authentication = null)
    {
        var parseNodes = new ParseNodeFactoryRegistry();
        parseNodes.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        var adapter = new HttpClientRequestAdapter(authentication ?? new AnonymousAuthenticationProvider(), parseNodes, writers, KiotaClientFactory.Create());
        if (baseUrl is not null)
        {
            adapter.BaseUrl = baseUrl;
        }

        return adapter;
    }

    public static string Fixture(string name) => File.ReadAllText(TestPaths.Fixture("graph", name));

    public static async Task<T> Parse<T>(string json, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(factory)!;
    }
}
