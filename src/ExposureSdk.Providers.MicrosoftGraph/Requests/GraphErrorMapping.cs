using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Requests;

/// <summary>Maps every 4XX and 5XX response to <see cref="ODataError"/>, as Graph's generated clients do.</summary>
internal static class GraphErrorMapping
{
    public static Dictionary<string, ParsableFactory<IParsable>> Create() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };
}
