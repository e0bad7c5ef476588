using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>
/// Keeps docs/snapshot.schema.json and docs/snapshot-document.md in step with the reader: same
/// properties per object, same required properties, same enum values.
/// </summary>
public sealed class SnapshotSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepositoryRoot, "docs", "snapshot.schema.json");

    private static JsonElement Schema() => JsonDocument.Parse(File.ReadAllBytes(SchemaPath)).RootElement;

    private static JsonElement Definition(JsonElement schema, string kind)
        => kind == "$" ? schema : schema.GetProperty("$defs").GetProperty(kind);

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in SnapshotDocumentReader.KnownProperties.Keys)
        {
            data.Add(kind);
        }

        return data;
    }

    [Fact]
    public void Schema_IsValidJson_Draft202012()
    {
        var schema = Schema();
        schema.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        schema.GetProperty("properties").GetProperty("schemaVersion").GetProperty("const").GetInt32().Should().Be(SnapshotDocument.SchemaVersion);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Schema_ListsExactlyThePropertiesTheReaderKnows(string kind)
    {
        var properties = Definition(Schema(), kind).GetProperty("properties").EnumerateObject().Select(p => p.Name);
        properties.Should().BeEquivalentTo(SnapshotDocumentReader.KnownProperties[kind], $"the schema's '{kind}' object and the reader must not drift apart");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Docs_MentionEveryPropertyTheReaderKnows(string kind)
    {
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "snapshot-document.md"));
        SnapshotDocumentReader.KnownProperties[kind].Where(p => !docs.Contains($"`{p}`", StringComparison.Ordinal))
            .Should().BeEmpty("docs/snapshot-document.md documents every property of every object");
    }

    [Fact]
    public void Docs_ExampleDocument_IsReadable()
    {
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "snapshot-document.md"));
        var start = docs.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];

        var snapshot = SnapshotDocument.Read(System.Text.Encoding.UTF8.GetBytes(example));

        snapshot.Recommendations.Should().HaveCount(2);
        snapshot.Initiatives.Should().ContainSingle().Which.IsFavorite.Should().BeTrue();
    }

    [Theory]
    [InlineData("impact")]
    [InlineData("criticality")]
    [InlineData("complianceState")]
    [InlineData("assessmentStatus")]
    [InlineData("metricWeight")]
    [InlineData("initiativeKind")]
    [InlineData("domain")]
    public void Schema_EnumValues_AreTheReadersValues(string definition)
    {
        IReadOnlyList<string> expected = definition switch
        {
            "impact" => SnapshotVocabulary.Impact.Names,
            "criticality" => SnapshotVocabulary.Criticality.Names,
            "complianceState" => SnapshotVocabulary.State.Names,
            "assessmentStatus" => SnapshotVocabulary.Status.Names,
            "metricWeight" => SnapshotVocabulary.Weight.Names,
            "initiativeKind" => SnapshotVocabulary.InitiativeKind.Names,
            _ => [.. SnapshotVocabulary.Domains.Select(d => d.Name)],
        };

        Definition(Schema(), definition).GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal(expected);
    }

    /// <summary>
    /// Removing each property from a complete document: the reader must reject exactly the ones the
    /// schema marks required (and name them), and accept the others.
    /// </summary>
    [Theory]
    [InlineData("$", "")]
    [InlineData("asset", "assets")]
    [InlineData("recommendation", "recommendations")]
    [InlineData("assessment", "assessments")]
    [InlineData("metric", "metrics")]
    [InlineData("initiative", "initiatives")]
    [InlineData("counts", "recommendations")]
    public void Schema_RequiredProperties_AreTheOnesTheReaderRequires(string kind, string list)
    {
        var required = Definition(Schema(), kind).TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        var complete = SnapshotDocument.WriteToUtf8Bytes(SnapshotSamples.Full());

        foreach (var property in SnapshotDocumentReader.KnownProperties[kind])
        {
            var document = JsonNode.Parse(complete)!.AsObject();
            var target = kind switch
            {
                "$" => document,
                "counts" => document[list]![0]!["counts"]!.AsObject(),
                _ => document[list]![0]!.AsObject(),
            };

            if (!target.Remove(property))
            {
                continue;
            }

            // A removed id or list may leave references dangling; drop the lists that could refer to it.
            if ((kind, property) is ("recommendation", "id"))
            {
                document.Remove("assessments");
                document.Remove("metrics");
                document.Remove("initiatives");
            }
            else if ((kind, property) is ("metric", "id") or ("$", "metrics"))
            {
                document.Remove("initiatives");
            }

            var text = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
            var read = () => SnapshotDocument.Read(text);
            if (required.Contains(property))
            {
                read.Should().Throw<SnapshotFormatException>($"'{property}' is required in '{kind}'").WithMessage($"*missing required property '{property}'*");
            }
            else
            {
                read.Should().NotThrow($"'{property}' is optional in '{kind}'");
            }
        }
    }
}
