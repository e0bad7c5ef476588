using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.DefenderForCloud.Models;

/// <summary>
/// The ARM error body (<c>{"error": {"code", "message"}}</c>), raised by the request adapter for any
/// non-success status through the error mapping of <see cref="Mapping"/>.
/// </summary>
internal sealed class ArmError : ApiException, IParsable
{
    public ArmError()
    {
    }

    public ArmError(string message)
        : base(message)
    {
    }

    public ArmError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Code { get; set; }

    public string? ErrorMessage { get; set; }

    public override string Message => ErrorMessage ?? base.Message;

    /// <summary>Maps every 4XX and 5XX response to <see cref="ArmError"/>.</summary>
    public static Dictionary<string, ParsableFactory<IParsable>> Mapping() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["XXX"] = _ => new ArmError(),
    };

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["error"] = n => n.GetObjectValue(_ => new FieldReader(new(StringComparer.Ordinal)
        {
            ["code"] = d => Code = LenientParseNode.Text(d),
            ["message"] = d => ErrorMessage = LenientParseNode.Text(d),
        })),
    };

    public void Serialize(ISerializationWriter writer)
    {
    }
}
