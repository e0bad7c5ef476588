using static ExposureSdk.Tests.Snapshots.SnapshotSamples;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>
/// Every property of every record names itself in the error when its value has the wrong type, and a
/// property the reader does not know is skipped whole, however deep its value (mutation testing found
/// both unchecked for most properties: a wrong or empty path, or a skipped value left half-read, passed).
/// </summary>
public sealed class SnapshotDocumentPathTests
{
    /// <summary>
    /// The contract example with one piece replaced; <paramref name="original"/> must occur exactly once.
    /// </summary>
    private static string ContractExampleWith(string original, string replacement)
    {
        var first = ContractExample.IndexOf(original, StringComparison.Ordinal);
        first.Should().BeGreaterThanOrEqualTo(0, $"the example contains {original}");
        ContractExample.IndexOf(original, first + 1, StringComparison.Ordinal).Should().Be(-1, $"{original} occurs once in the example");
        return ContractExample.Replace(original, replacement, StringComparison.Ordinal);
    }

    private static SnapshotFormatException ReadFails(string json)
    {
        var error = FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(json))).Should().Throw<SnapshotFormatException>().Which;
        using var stream = new TrickleStream(Utf8(json), 7);
        FluentActions.Invoking(() => SnapshotDocument.Read(stream)).Should().Throw<SnapshotFormatException>()
            .Which.Message.Should().Be(error.Message, "the streaming path reports the same error");
        return error;
    }

    [Theory]
    [InlineData("\"id\": \"dev-0001\"", "\"id\": {}", "$.assets[0].id")]
    [InlineData("\"kind\": \"Device\"", "\"kind\": {}", "$.assets[0].kind")]
    [InlineData("\"name\": \"LAPTOP-01\"", "\"name\": {}", "$.assets[0].name")]
    [InlineData("\"tags\": [\"finance\"]", "\"tags\": {}", "$.assets[0].tags")]
    [InlineData("\"source\": \"Microsoft Secure Score\"", "\"source\": {}", "$.recommendations[0].source")]
    [InlineData("\"workload\": \"Microsoft Entra ID\"", "\"workload\": {}", "$.recommendations[0].workload")]
    [InlineData("\"remediationSteps\": [", "\"remediationSteps\": {}, \"x\": [", "$.recommendations[0].remediationSteps")]
    [InlineData("\"state\": \"MitigatedByOrganization\"", "\"state\": {}", "$.recommendations[0].state")]
    [InlineData("\"lastStateChange\": \"2026-11-20T05:00:00+02:00\"", "\"lastStateChange\": {}", "$.recommendations[0].lastStateChange")]
    [InlineData("\"threats\": [\"accountBreach\"], \"tags\": [\"cis", "\"threats\": {}, \"tags\": [\"cis", "$.recommendations[0].threats")]
    [InlineData("\"total\": 10", "\"total\": {}", "$.recommendations[0].counts.total")]
    [InlineData("\"counts\": { \"affected\": 3, \"total\": 10 }", "\"counts\": 5", "$.recommendations[0].counts")]
    [InlineData("\"counts\": { \"affected\": 3, \"total\": 10 }", "\"counts\": { \"total\": 10 }", "$.recommendations[0].counts")]
    [InlineData("\"affected\": 3", "\"affected\": 11", "$.recommendations[0].counts.affected")]
    [InlineData("\"affected\": 3", "\"affected\": -1", "$.recommendations[0].counts.affected")]
    [InlineData("\"affected\": 3", "\"affected\": 3, \"affected\": 3", "$.recommendations[0].counts.affected")]
    [InlineData("{ \"recommendationId\": \"edr-block\", \"assetId\": \"dev-0001\"", "{ \"recommendationId\": {}, \"assetId\": \"dev-0001\"", "$.assessments[0].recommendationId")]
    [InlineData("\"assetId\": \"dev-0002\"", "\"assetId\": {}", "$.assessments[1].assetId")]
    [InlineData("\"id\": \"admins-without-mfa\"", "\"id\": {}", "$.metrics[0].id")]
    [InlineData("\"name\": \"Percent of admins without MFA\"", "\"name\": {}", "$.metrics[0].name")]
    [InlineData("\"recommendationIds\": [\"mfa-admins\"]", "\"recommendationIds\": {}", "$.metrics[0].recommendationIds")]
    [InlineData("\"description\": \"Share of admins that can sign in without MFA.\"", "\"description\": {}", "$.metrics[0].description")]
    [InlineData("\"domains\": [\"Identity\"]", "\"domains\": {}", "$.metrics[0].selector.domains")]
    [InlineData("\"workloads\": [\"Microsoft Entra ID\"]", "\"workloads\": {}", "$.metrics[0].selector.workloads")]
    [InlineData("\"sources\": []", "\"sources\": {}", "$.metrics[0].selector.sources")]
    [InlineData("\"threats\": [\"accountBreach\"], \"tags\": [] }", "\"threats\": {}, \"tags\": [] }", "$.metrics[0].selector.threats")]
    [InlineData("\"tags\": [] }", "\"tags\": {} }", "$.metrics[0].selector.tags")]
    [InlineData("\"tags\": [] }", "\"tags\": [], \"impacts\": {} }", "$.metrics[0].selector.impacts")]
    [InlineData("\"domains\": [\"Identity\"]", "\"domains\": [\"Identity\"], \"domains\": []", "$.metrics[0].selector.domains")]
    [InlineData("\"id\": \"identity-security\"", "\"id\": {}", "$.initiatives[0].id")]
    [InlineData("\"name\": \"Identity Security\"", "\"name\": {}", "$.initiatives[0].name")]
    [InlineData("\"metricIds\": [\"admins-without-mfa\"]", "\"metricIds\": {}", "$.initiatives[0].metricIds")]
    [InlineData("\"recommendationIds\": []", "\"recommendationIds\": {}", "$.initiatives[0].recommendationIds")]
    [InlineData("\"favorite\": true", "\"favorite\": {}", "$.initiatives[0].favorite")]
    [InlineData("\"description\": \"Protect identities.\"", "\"description\": {}", "$.initiatives[0].description")]
    public void Read_AValueOfTheWrongType_NamesItsProperty(string original, string replacement, string path)
    {
        var json = ContractExampleWith(original, replacement);

        var error = ReadFails(json);

        error.JsonPath.Should().Be(path);
        error.Message.Should().StartWith(path + ": ");
    }

    [Theory]
    [InlineData("\"affected\": 3", "\"affected\": 10", 10, 10)]
    [InlineData("\"affected\": 3", "\"affected\": 0", 0, 10)]
    [InlineData("\"total\": 10", "\"total\": 3", 3, 3)]
    public void Read_CountsAtTheirBounds_AreAccepted(string original, string replacement, long affected, long total)
    {
        var snapshot = SnapshotDocument.Read(Utf8(ContractExampleWith(original, replacement)));

        snapshot.Recommendations[0].Counts.Should().Be(new ResultCounts(affected, total));
    }

    [Theory]
    [InlineData("assets", "$.assets")]
    [InlineData("recommendations", "$.recommendations")]
    [InlineData("assessments", "$.assessments")]
    [InlineData("metrics", "$.metrics")]
    [InlineData("initiatives", "$.initiatives")]
    public void Read_AListThatIsNotAnArray_NamesTheList(string list, string path)
    {
        var json = list == "recommendations" ? Minimal("5") : Minimal(extra: $", \"{list}\": 5");

        ReadFails(json).JsonPath.Should().Be(path);
    }

    [Fact]
    public void Read_AnUnknownTopLevelNameWithAQuoteAndABackslash_IsEscapedInThePath()
    {
        // 70 nested arrays exceed the reader's depth limit inside the unknown property's value.
        var json = Minimal(extra: ", \"it's\\\\ok\": " + new string('[', 70) + new string(']', 70));

        ReadFails(json).JsonPath.Should().Be("$['it\\'s\\\\ok']");
    }

    [Theory]
    [InlineData("\"tags\": [\"finance\"]")]
    [InlineData("\"counts\": { \"affected\": 3, \"total\": 10 }")]
    [InlineData("\"affected\": 3")]
    [InlineData("\"status\": \"Unhealthy\"")]
    [InlineData("\"description\": \"Share of admins that can sign in without MFA.\"")]
    [InlineData("\"sources\": []")]
    [InlineData("\"description\": \"Protect identities.\"")]
    public void Read_AnUnknownPropertyWithANestedValue_IsSkippedWhole(string original)
    {
        // The unknown value holds the names of real properties: a reader that stopped skipping early would read them.
        const string Unknown = ", \"future\": { \"id\": \"x\", \"name\": [\"y\", { \"state\": \"Bogus\", \"assetId\": 5 }], \"tags\": [[], [1]] }";
        var json = ContractExampleWith(original, original + Unknown);

        var read = SnapshotDocument.Read(Utf8(json));
        using var stream = new TrickleStream(Utf8(json), 7);
        var streamed = SnapshotDocument.Read(stream);

        var expected = Written(SnapshotDocument.Read(Utf8(ContractExample)));
        Written(read).Should().Be(expected);
        Written(streamed).Should().Be(expected);
    }

    private static string Written(ExposureSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        SnapshotDocument.Write(snapshot, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
