using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// The Graph error body (<c>{"error": {"code", "message", "innerError": {"request-id", "client-request-id", "date"}}}</c>),
/// raised by the request adapter for any non-success status through the error mapping.
/// </summary>
internal sealed class ODataError : ApiException, IParsable, IAdditionalDataHolder
{
    public ODataError()
    {
    }

    public ODataError(string message)
        : base(message)
    {
    }

    public ODataError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MainError? Error { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public override string Message => Error?.Message ?? base.Message;

    public static ODataError CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new ODataError();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["error"] = n => Error = n.GetObjectValue(MainError.CreateFromDiscriminatorValue),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteObjectValue("error", Error);
        writer.WriteAdditionalData(AdditionalData);
    }
}

/// <summary>The <c>error</c> object of a Graph error body.</summary>
internal sealed class MainError : IParsable, IAdditionalDataHolder
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? Target { get; set; }

    public InnerError? InnerError { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static MainError CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new MainError();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["code"] = n => Code = LenientParseNode.Text(n),
        ["message"] = n => Message = LenientParseNode.Text(n),
        ["target"] = n => Target = LenientParseNode.Text(n),
        ["innerError"] = n => InnerError = n.GetObjectValue(Models.InnerError.CreateFromDiscriminatorValue),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("code", Code);
        writer.WriteStringValue("message", Message);
        writer.WriteStringValue("target", Target);
        writer.WriteObjectValue("innerError", InnerError);
        writer.WriteAdditionalData(AdditionalData);
    }
}

/// <summary>The <c>innerError</c> object of a Graph error body: the ids to quote in a support case.</summary>
internal sealed class InnerError : IParsable, IAdditionalDataHolder
{
    public string? RequestId { get; set; }

    public string? ClientRequestId { get; set; }

    public DateTimeOffset? Date { get; set; }

    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public static InnerError CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new InnerError();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        ["request-id"] = n => RequestId = LenientParseNode.Text(n),
        ["client-request-id"] = n => ClientRequestId = LenientParseNode.Text(n),
        ["date"] = n => Date = LenientParseNode.DateTime(n),
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("request-id", RequestId);
        writer.WriteStringValue("client-request-id", ClientRequestId);
        writer.WriteDateTimeOffsetValue("date", Date);
        writer.WriteAdditionalData(AdditionalData);
    }
}
