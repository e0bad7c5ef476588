using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.DefenderForCloud.Models;

/// <summary>The body of <c>POST /providers/Microsoft.ResourceGraph/resources</c> (api-version 2024-04-01).</summary>
internal sealed class ResourceGraphQuery : IParsable
{
    public List<string> Subscriptions { get; set; } = [];

    public string Query { get; set; } = string.Empty;

    public int? Top { get; set; }

    public string? SkipToken { get; set; }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>();

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCollectionOfPrimitiveValues("subscriptions", Subscriptions);
        writer.WriteStringValue("query", Query);
        writer.WriteObjectValue("options", new Options(this));
    }

    private sealed class Options(ResourceGraphQuery query) : IParsable
    {
        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>();

        public void Serialize(ISerializationWriter writer)
        {
            if (query.SkipToken is not null)
            {
                writer.WriteStringValue("$skipToken", query.SkipToken);
            }

            writer.WriteIntValue("$top", query.Top);
            writer.WriteStringValue("resultFormat", "objectArray");
        }
    }
}

/// <summary>
/// A Resource Graph response page: <c>totalRecords</c>, <c>count</c>, <c>resultTruncated</c> (a boolean or
/// the string "true"/"false"), <c>$skipToken</c> when more pages follow, and <c>data</c> as an array of
/// rows. A <c>data</c> object (the table format) is recorded in <see cref="DataIsTable"/>: the provider
/// always asks for <c>objectArray</c>, so meeting it is an error.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class ResourceGraphPage<T> : IParsable
    where T : IParsable
{
    private readonly ParsableFactory<T> _rowFactory;

    public ResourceGraphPage(ParsableFactory<T> rowFactory) => _rowFactory = rowFactory;

    public long? TotalRecords { get; set; }

    public long? Count { get; set; }

    public bool? ResultTruncated { get; set; }

    public string? SkipToken { get; set; }

    public List<T> Data { get; set; } = [];

    public bool HasData { get; set; }

    public bool DataIsTable { get; set; }

    public static ParsableFactory<ResourceGraphPage<T>> Factory(ParsableFactory<T> rowFactory) => _ => new ResourceGraphPage<T>(rowFactory);

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>(StringComparer.Ordinal)
    {
        ["totalRecords"] = n => TotalRecords = LenientParseNode.Int64(n),
        ["count"] = n => Count = LenientParseNode.Int64(n),
        ["resultTruncated"] = n => ResultTruncated = LenientParseNode.Boolean(n),
        ["$skipToken"] = n => SkipToken = LenientParseNode.Text(n),
        ["data"] = n =>
        {
            HasData = true;
            if (IsTable(n))
            {
                DataIsTable = true;
                return;
            }

            var rows = new List<T>();
            foreach (var row in n.GetCollectionOfObjectValues(_rowFactory))
            {
                if (row is not null)
                {
                    rows.Add(row);
                }
            }

            Data = rows;
        },
    };

    public void Serialize(ISerializationWriter writer)
    {
    }

    private static bool IsTable(IParseNode node)
    {
        try
        {
            return node.GetChildNode("columns") is not null || node.GetChildNode("rows") is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
