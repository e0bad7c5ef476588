using System.Text;
using static ExposureSdk.Tests.Snapshots.SnapshotSamples;

namespace ExposureSdk.Tests.Snapshots;

public sealed class SnapshotDocumentTests
{
    private static ExposureSnapshot Read(string json, SnapshotReadOptions? options = null) => SnapshotDocument.Read(Utf8(json), options);

    private static SnapshotFormatException ReadFails(string json, SnapshotReadOptions? options = null)
    {
        var span = FluentActions.Invoking(() => Read(json, options)).Should().Throw<SnapshotFormatException>().Which;
        // The streaming path (tiny chunks, many refills) must report exactly the same error.
        using var stream = new TrickleStream(Utf8(json), 7);
        var streamed = FluentActions.Invoking(() => SnapshotDocument.Read(stream, options)).Should().Throw<SnapshotFormatException>().Which;
        streamed.Message.Should().Be(span.Message);
        return span;
    }

    [Fact]
    public void Read_ContractExample_ReadsEveryField()
    {
        var snapshot = Read(ContractExample);

        snapshot.TenantId.Should().Be("contoso");
        snapshot.AsOf.Should().Be(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        var asset = snapshot.Assets.Should().ContainSingle().Subject;
        asset.Kind.Should().Be(AssetKind.Device);
        asset.Criticality.Should().Be(AssetCriticality.High);
        asset.Tags.Should().Equal("finance");

        var mfa = snapshot.Recommendations[0];
        mfa.Source.Should().Be(RecommendationSource.MicrosoftSecureScore);
        mfa.Workload.Should().Be(Workload.MicrosoftEntraId);
        mfa.Domain.Should().Be(SecurityDomain.Identity);
        mfa.Impact.Should().Be(Impact.High);
        mfa.RemediationSteps.Should().HaveCount(2);
        mfa.ManageUrl!.Host.Should().Be("entra.microsoft.com");
        mfa.MaxPoints.Should().Be(10);
        mfa.State.Should().Be(ComplianceState.MitigatedByOrganization);
        mfa.IsRiskAccepted.Should().BeFalse();
        mfa.LastStateChange.Should().Be(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        mfa.Threats.Should().Equal("accountBreach");
        mfa.Counts.Should().Be(new ResultCounts(3, 10));
        snapshot.Recommendations[1].Counts.Should().BeNull();

        snapshot.Assessments.Should().Equal(
            new Assessment("edr-block", "dev-0001", AssessmentStatus.Unhealthy),
            new Assessment("edr-block", "dev-0002", AssessmentStatus.Healthy));
        var metric = snapshot.Metrics.Should().ContainSingle().Subject;
        metric.Weight.Should().Be(MetricWeight.High);
        metric.Selector!.Domains.Should().Equal(SecurityDomain.Identity);
        metric.Selector.Sources.Should().BeEmpty();
        var initiative = snapshot.Initiatives.Should().ContainSingle().Subject;
        initiative.TargetScore.Should().Be(80);
        initiative.IsFavorite.Should().BeTrue();
        initiative.MetricIds.Should().Equal(new MetricId("admins-without-mfa"));
    }

    [Fact]
    public async Task ReadAsync_ContractExampleInTinyChunks_EqualsReadFromSpan()
    {
        using var stream = new TrickleStream(Utf8(ContractExample), 3);
        var streamed = await SnapshotDocument.ReadAsync(stream);
        streamed.Should().BeEquivalentTo(Read(ContractExample));
    }

    [Fact]
    public void Read_MinimalDocument_HasEmptyOptionalLists()
    {
        var snapshot = Read(Minimal());
        snapshot.Recommendations.Should().BeEmpty();
        snapshot.Assets.Should().BeEmpty();
        snapshot.Assessments.Should().BeEmpty();
    }

    [Fact]
    public void Read_EnumsAndDomainsInAnyCase_AreAccepted()
    {
        var json = Minimal("[" + Recommendation(extra: ", \"state\": \"notcompliant\"").Replace("\"Identity\"", "\"IDENTITY\"", StringComparison.Ordinal).Replace("\"High\"", "\"high\"", StringComparison.Ordinal) + "]",
            ", \"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"uNhEaLtHy\"}]");

        var snapshot = Read(json);

        snapshot.Recommendations[0].Impact.Should().Be(Impact.High);
        snapshot.Recommendations[0].Domain.Name.Should().Be("Identity");
        snapshot.Recommendations[0].State.Should().Be(ComplianceState.NotCompliant);
        snapshot.Assessments[0].Status.Should().Be(AssessmentStatus.Unhealthy);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("upper")]
    [InlineData("canonical")]
    public void Read_EveryEnumValueInAnyCase_ParsesToThatValue(string casing)
    {
        string Case(string name) => casing switch { "lower" => name.ToLowerInvariant(), "upper" => name.ToUpperInvariant(), _ => name };
        var impacts = Enum.GetValues<Impact>();
        var states = Enum.GetValues<ComplianceState>();
        var criticalities = Enum.GetValues<AssetCriticality>();
        var statuses = Enum.GetValues<AssessmentStatus>();
        var weights = Enum.GetValues<MetricWeight>();
        var kinds = Enum.GetValues<InitiativeKind>();
        var domains = SecurityDomain.WellKnown;
        var count = new[] { impacts.Length, states.Length, domains.Count, statuses.Length }.Max();

        var recommendations = Enumerable.Range(0, count).Select(i => Recommendation("r" + i)
            .Replace("\"High\"", $"\"{Case(impacts[i % impacts.Length].ToString())}\"", StringComparison.Ordinal)
            .Replace("\"Identity\"", $"\"{Case(domains[i % domains.Count].Name)}\", \"state\": \"{Case(states[i % states.Length].ToString())}\"", StringComparison.Ordinal));
        var assets = criticalities.Select((c, i) => $"{{\"id\": \"a{i}\", \"criticality\": \"{Case(c.ToString())}\"}}");
        var assessments = statuses.Select((st, i) => $"{{\"recommendationId\": \"r0\", \"assetId\": \"a{i}\", \"status\": \"{Case(st.ToString())}\"}}");
        var metrics = weights.Select((w, i) => $"{{\"id\": \"m{i}\", \"name\": \"M\", \"weight\": \"{Case(w.ToString())}\"}}");
        var initiatives = kinds.Select((k, i) => $"{{\"id\": \"i{i}\", \"name\": \"I\", \"kind\": \"{Case(k.ToString())}\"}}");
        var json = Minimal("[" + string.Join(",", recommendations) + "]",
            $", \"assets\": [{string.Join(",", assets)}], \"assessments\": [{string.Join(",", assessments)}], \"metrics\": [{string.Join(",", metrics)}], \"initiatives\": [{string.Join(",", initiatives)}]");

        var snapshot = Read(json);

        snapshot.Recommendations.Select(r => r.Impact).Should().Equal(Enumerable.Range(0, count).Select(i => impacts[i % impacts.Length]));
        snapshot.Recommendations.Select(r => r.State!.Value).Should().Equal(Enumerable.Range(0, count).Select(i => states[i % states.Length]));
        snapshot.Recommendations.Select(r => r.Domain.Name).Should().Equal(Enumerable.Range(0, count).Select(i => domains[i % domains.Count].Name));
        snapshot.Assets.Select(a => a.Criticality!.Value).Should().Equal(criticalities);
        snapshot.Assessments.Select(a => a.Status).Should().Equal(statuses);
        snapshot.Metrics.Select(m => m.Weight).Should().Equal(weights);
        snapshot.Initiatives.Select(i => i.Kind).Should().Equal(kinds);
    }

    [Fact]
    public void Read_UnknownPropertiesAnywhere_AreIgnored_IncludingDeepOnes()
    {
        var deep = new string('[', 60) + new string(']', 60);
        var json = Minimal(
            "[" + Recommendation(extra: $", \"future\": {{\"a\": {deep}}}, \"counts\": {{\"affected\": 1, \"total\": 2, \"extra\": [1,2]}}") + "]",
            $", \"extensions\": {{\"x\": {deep}, \"y\": \"long\"}}, \"z\": 42, \"w\": null, \"assets\": [{{\"id\": \"a\", \"vendor\": {{\"k\": [true]}}}}]");

        var snapshot = Read(json);

        snapshot.Recommendations[0].Counts.Should().Be(new ResultCounts(1, 2));
        snapshot.Assets[0].Kind.Should().Be(AssetKind.Unknown, "an asset without a kind has the kind Unknown");
    }

    [Fact]
    public void Read_AssetOnlyReferencedByAnAssessment_IsAccepted()
        => Read(Minimal("[" + Recommendation() + "]", ", \"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"ghost\", \"status\": \"Healthy\"}]"))
            .Assessments.Should().ContainSingle().Which.AssetId.Should().Be(new AssetId("ghost"));

    [Fact]
    public void Read_NullForOptionalValues_MeansAbsent()
    {
        var snapshot = Read(Minimal("[" + Recommendation(extra: ", \"description\": null, \"tags\": null, \"counts\": null, \"maxPoints\": null") + "]", ", \"assets\": null, \"metrics\": null"));
        snapshot.Recommendations[0].Description.Should().BeNull();
        snapshot.Recommendations[0].MaxPoints.Should().BeNull();
        snapshot.Assets.Should().BeEmpty();
    }

    [Theory]
    [InlineData("20", 20)]
    [InlineData("1020.13", 1020.13)]
    [InlineData("0", 0)]
    public void PointsAreTheSourcesOwn_MaxPointsAboveTen_AreReadAsGiven(string json, double expected)
    {
        var snapshot = Read(Minimal("[" + Recommendation(extra: ", \"maxPoints\": " + json) + "]"));

        snapshot.Recommendations[0].MaxPoints.Should().Be(expected);
        var written = new MemoryStream();
        SnapshotDocument.Write(snapshot, written);
        SnapshotDocument.Read(written.ToArray()).Recommendations[0].MaxPoints.Should().Be(expected, "the writer and the reader agree");
    }

    [Fact]
    public void Read_ByteOrderMark_IsAccepted()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        SnapshotDocument.Read([.. bom, .. Utf8(ContractExample)]).TenantId.Should().Be("contoso");
        using var stream = new TrickleStream([.. bom, .. Utf8(Minimal())], 1);
        SnapshotDocument.Read(stream).TenantId.Should().Be("t");
    }

    [Fact]
    public void Read_EscapedStrings_AreUnescaped()
    {
        var snapshot = Read(Minimal("[" + Recommendation("r\\u0031") + "]").Replace("\"tenantId\": \"t\"", "\"tenantId\": \"\\u00e9t\\\"e\"", StringComparison.Ordinal));
        snapshot.Recommendations[0].Id.Should().Be(new RecommendationId("r1"));
        snapshot.TenantId.Should().Be("ét\"e");
    }

    // ----- errors -----

    [Fact]
    public void Read_UnknownEnumValue_NamesPathValueAndExpectedValues()
    {
        var recommendations = string.Join(",", Enumerable.Range(0, 12).Select(i => Recommendation("r" + i))) + "," + Recommendation("r12").Replace("\"High\"", "\"Severe\"", StringComparison.Ordinal);
        var error = ReadFails(Minimal("[" + recommendations + "]"));

        error.Message.Should().StartWith("$.recommendations[12].impact: unknown value 'Severe' (expected High, Medium, Low)");
        error.JsonPath.Should().Be("$.recommendations[12].impact");
        error.LineNumber.Should().Be(0);
        error.BytePositionInLine.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(76)]
    [InlineData(77)]
    [InlineData(78)]
    [InlineData(79)]
    [InlineData(80)]
    public void Read_LongUnknownValue_IsQuotedShortWithoutHalfAPair(int pairAt)
    {
        // A value of 100 characters with a surrogate pair (U+1F600) at the given index: quoted as at most 80
        // characters ending in an ellipsis, never cut between the two halves of the pair.
        var value = new string('x', pairAt) + "\ud83d\ude00" + new string('y', 98 - pairAt);
        var error = ReadFails(Minimal("[" + Recommendation().Replace("\"High\"", "\"" + value + "\"", StringComparison.Ordinal) + "]"));

        var quoted = error.Message["$.recommendations[0].impact: unknown value '".Length..error.Message.IndexOf("' (expected", StringComparison.Ordinal)];
        quoted.Length.Should().BeLessThanOrEqualTo(80);
        quoted.Should().EndWith("\u2026");
        quoted.Should().StartWith(value[..Math.Min(pairAt, 79)]);
        error.Message.EnumerateRunes().Should().NotContain(Rune.ReplacementChar);
        System.Text.Unicode.Utf8.FromUtf16(error.Message, new byte[error.Message.Length * 3], out _, out _, replaceInvalidSequences: false)
            .Should().Be(System.Buffers.OperationStatus.Done, "the message is well-formed UTF-16");
    }

    [Theory]
    [InlineData("\"domain\": \"Identity\"", "\"domain\": \"Network\"", "$.recommendations[0].domain: unknown value 'Network' (expected Devices, Apps, Data, Identity, Cloud, SaaS)")]
    [InlineData("\"impact\": \"High\"", "\"impact\": 3", "$.recommendations[0].impact: expected a string (one of High, Medium, Low), got a number")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"3\"", "$.recommendations[0].impact: unknown value '3'")]
    [InlineData("\"name\": \"N\"", "\"name\": 5", "$.recommendations[0].name: expected a string, got a number")]
    [InlineData("\"name\": \"N\"", "\"name\": \"   \"", "$.recommendations[0].name: the text must not be empty or white space")]
    [InlineData("\"name\": \"N\"", "\"name\": null", "$.recommendations[0].name: expected a string, got null")]
    [InlineData("\"name\": \"N\", ", "", "$.recommendations[0]: missing required property 'name'")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"impact\": \"Low\"", "$.recommendations[0].impact: the property appears twice")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"manageUrl\": \"/relative\"", "$.recommendations[0].manageUrl: expected an absolute http or https URL, got '/relative'")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"manageUrl\": \"ftp://x.example/\"", "$.recommendations[0].manageUrl: expected an absolute http or https URL")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"maxPoints\": -1", "$.recommendations[0].maxPoints: -1 is out of range (expected a finite number of at least 0)")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"maxPoints\": 1e400", "$.recommendations[0].maxPoints: 1e400 is out of range (expected a finite number of at least 0)")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"maxPoints\": \"10\"", "$.recommendations[0].maxPoints: expected a finite number of at least 0, got a string")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"riskAccepted\": \"yes\"", "$.recommendations[0].riskAccepted: expected true or false, got a string")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"counts\": {\"affected\": 11, \"total\": 10}", "$.recommendations[0].counts.affected: 11 affected is more than the total of 10")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"counts\": {\"affected\": -1, \"total\": 10}", "$.recommendations[0].counts.affected: expected a whole number of 0 or more, got -1")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"counts\": {\"affected\": 1}", "$.recommendations[0].counts: missing required property 'total'")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"tags\": \"x\"", "$.recommendations[0].tags: expected an array, got a string")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"tags\": [\"ok\", 1]", "$.recommendations[0].tags[1]: expected a string, got a number")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"lastCalculated\": \"2026-11-21T06:00:00\"", "$.recommendations[0].lastCalculated: '2026-11-21T06:00:00' is not an ISO 8601 date and time with an offset")]
    [InlineData("\"impact\": \"High\"", "\"impact\": \"High\", \"lastCalculated\": \"yesterday\"", "$.recommendations[0].lastCalculated: 'yesterday' is not an ISO 8601")]
    public void Read_InvalidRecommendationField_NamesThePath(string find, string replace, string expected)
    {
        var json = Minimal("[" + Recommendation().Replace(find, replace, StringComparison.Ordinal) + "]");
        ReadFails(json).Message.Should().StartWith(expected);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 2, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": []}", "$.schemaVersion: unsupported schema version 2 (this reader supports 1)")]
    [InlineData("{\"schemaVersion\": \"1\", \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": []}", "$.schemaVersion: expected the number 1, got a string")]
    [InlineData("{\"schemaVersion\": 1.5, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": []}", "$.schemaVersion: unsupported schema version 1.5")]
    [InlineData("{\"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": []}", "$: missing required property 'schemaVersion'")]
    [InlineData("{\"schemaVersion\": 1, \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": []}", "$: missing required property 'tenantId'")]
    [InlineData("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"recommendations\": []}", "$: missing required property 'asOf'")]
    [InlineData("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\"}", "$: missing required property 'recommendations'")]
    [InlineData("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": null}", "$.recommendations: expected an array, got null")]
    [InlineData("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21 06:00\", \"recommendations\": []}", "$.asOf: '2026-11-21 06:00' is not an ISO 8601 date and time with an offset")]
    [InlineData("{\"schemaVersion\": 1, \"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": []}", "$.schemaVersion: the property appears twice")]
    [InlineData("[1, 2]", "$: expected a JSON object, got an array")]
    [InlineData("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": [42]}", "$.recommendations[0]: expected an object, got a number")]
    [InlineData("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": {}}", "$.recommendations: expected an array, got an object")]
    public void Read_InvalidTopLevel_NamesThePath(string json, string expected)
        => ReadFails(json).Message.Should().StartWith(expected);

    [Fact]
    public void Read_MalformedJson_NamesPathAndPosition()
    {
        var error = ReadFails("{\n  \"schemaVersion\": 1,\n  \"tenantId\": \"t\",,\n  \"recommendations\": []\n}");
        error.Message.Should().StartWith("$: invalid JSON:");
        error.LineNumber.Should().Be(2);
        error.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();

        ReadFails(Minimal("[" + Recommendation(extra: ", \"tags\": [\"a\" \"b\"]") + "]")).Message.Should().StartWith("$.recommendations[0]: invalid JSON:");
        ReadFails(Minimal("[]") + " {}").Message.Should().StartWith("$: unexpected content after the end of the document.");
    }

    [Fact]
    public void Read_TruncatedDocument_FailsAtEveryCut_NamingWhereItStopped()
    {
        var bytes = Utf8(ContractExample);
        var lastClose = Array.LastIndexOf(bytes, (byte)'}');
        for (var cut = 0; cut < lastClose; cut += 13)
        {
            var error = FluentActions.Invoking(() => SnapshotDocument.Read(bytes.AsSpan(0, cut))).Should().Throw<SnapshotFormatException>().Which;
            error.Message.Should().MatchRegex(@"^\$.*: (the document ends unexpectedly \(truncated file\?\)|the document is empty)", $"the cut at byte {cut} must be reported as a truncation");
        }

        ReadFails(ContractExample[..ContractExample.IndexOf("\"status\": \"Healthy\"", StringComparison.Ordinal)])
            .Message.Should().StartWith("$.assessments[1]: the document ends unexpectedly (truncated file?)");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Read_EmptyDocument_SaysSo(string json)
        => ReadFails(json).Message.Should().Be("$: the document is empty (expected a JSON object).");

    [Fact]
    public void Read_100DeepNesting_GivesAClearErrorNotACrash()
    {
        var deep = new string('[', 100) + new string(']', 100);
        ReadFails(Minimal(extra: ", \"extensions\": " + deep)).Message.Should().StartWith("$.extensions: invalid JSON:").And.Contain("depth");
        ReadFails(Minimal("[" + Recommendation(extra: ", \"x\": " + deep) + "]")).Message.Should().StartWith("$.recommendations[0]: invalid JSON:").And.Contain("depth");

        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        ReadFails(Minimal(extra: ", \"o\": " + objects)).Message.Should().StartWith("$.o: invalid JSON:");

        Read(Minimal(extra: ", \"ok\": " + new string('[', 60) + new string(']', 60))).TenantId.Should().Be("t", "60 levels are within the default limit of 64");
        ReadFails(Minimal(extra: ", \"ok\": " + new string('[', 10) + new string(']', 10)), new SnapshotReadOptions { MaxDepth = 8 }).Message.Should().Contain("depth");
    }

    [Fact]
    public void Read_HugeStrings_AreRejectedWithThePath()
    {
        ReadFails(Minimal("[" + Recommendation(extra: $", \"description\": \"{new string('d', 70_000)}\"") + "]"))
            .Message.Should().StartWith("$.recommendations[0].description: the text is 70000 characters long; at most 65536 are allowed.");
        ReadFails(Minimal("[" + Recommendation(new string('i', 513)) + "]"))
            .Message.Should().StartWith("$.recommendations[0].id: the text is 513 characters long; at most 512 are allowed.");
        ReadFails(Minimal("[" + Recommendation(extra: $", \"description\": \"{new string('d', 1_000_000)}\"") + "]"))
            .Message.Should().StartWith("$.recommendations[0].description: the text is longer than 65536 characters.");
        ReadFails(Minimal("[" + Recommendation(extra: $", \"unknown\": \"{new string('u', 100_000)}\"") + "]"), new SnapshotReadOptions { MaxRecordBytes = 64 * 1024 })
            .Message.Should().StartWith("$.recommendations[0]: this value is larger than 65536 bytes (MaxRecordBytes)");
        ReadFails(Minimal("[" + Recommendation(extra: ", \"description\": \"12345678901\"") + "]"), new SnapshotReadOptions { MaxTextLength = 10 })
            .Message.Should().StartWith("$.recommendations[0].description: the text is 11 characters long; at most 10 are allowed.");
    }

    [Fact]
    public void Read_DocumentOverMaxDocumentBytes_IsRejected()
    {
        var json = Minimal("[" + Recommendation() + "]");
        ReadFails(json, new SnapshotReadOptions { MaxDocumentBytes = 50 }).Message.Should().StartWith("$: the document is");
    }

    [Fact]
    public void Read_OptionsOutOfRange_ThrowArgumentExceptionNamingTheOption()
    {
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxDepth = 0 })).Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*MaxDepth must be between 1 and 256*");
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxDepth = 257 })).Should().Throw<ArgumentException>().WithMessage("*MaxDepth*");
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxIdentifierLength = 513 })).Should().Throw<ArgumentException>().WithMessage("*MaxIdentifierLength must be between 1 and 512*");
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxTextLength = 0 })).Should().Throw<ArgumentException>().WithMessage("*MaxTextLength*");
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxDocumentBytes = 0 })).Should().Throw<ArgumentException>().WithMessage("*MaxDocumentBytes*");
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxRecordBytes = 10 })).Should().Throw<ArgumentException>().WithMessage("*MaxRecordBytes must be between 4096 and 1073741824*");
        FluentActions.Invoking(() => Read(Minimal(), new SnapshotReadOptions { MaxDepth = 0, MaxRecordBytes = 10 })).Should().Throw<ArgumentException>().WithMessage("*MaxDepth*MaxRecordBytes*", "every invalid option is named at once");
    }

    [Fact]
    public void Read_OptionsAtTheirLimits_AreAccepted()
    {
        var act = () => Read(Minimal(), new SnapshotReadOptions { MaxDepth = 256, MaxIdentifierLength = 512, MaxTextLength = 64 * 1024, MaxDocumentBytes = long.MaxValue, MaxRecordBytes = 1024 * 1024 * 1024 });

        act.Should().NotThrow();
    }

    [Fact]
    public void Read_DuplicateIds_NameTheOffendingItemAndTheFirst()
    {
        ReadFails(Minimal("[" + Recommendation("a") + ",\n" + Recommendation("b") + ",\n" + Recommendation("a") + "]"))
            .Message.Should().StartWith("$.recommendations[2].id: duplicate id 'a' (first at $.recommendations[0]).");
        ReadFails(Minimal(extra: ", \"assets\": [{\"id\": \"x\"}, {\"id\": \"x\", \"kind\": \"Device\"}]")).JsonPath.Should().Be("$.assets[1].id");
        ReadFails(Minimal(extra: ", \"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\"}, {\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\"}]")).JsonPath.Should().Be("$.metrics[1].id");
        ReadFails(Minimal(extra: ", \"initiatives\": [{\"id\": \"i\", \"name\": \"I\", \"kind\": \"ZeroTrust\"}, {\"id\": \"i\", \"name\": \"I\", \"kind\": \"Compliance\"}]")).JsonPath.Should().Be("$.initiatives[1].id");
        ReadFails(Minimal("[" + Recommendation() + "]", ", \"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"Healthy\"}, {\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"Unhealthy\"}]"))
            .Message.Should().StartWith("$.assessments[1]: asset 'a' is assessed against recommendation 'r1' a second time (first at $.assessments[0]).");
    }

    [Fact]
    public void Read_DanglingIdAfterItsTargetList_NamesPathAndPosition()
    {
        var error = ReadFails(Minimal("[" + Recommendation() + "]", ",\n \"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"Healthy\"},\n  {\"recommendationId\": \"nope\", \"assetId\": \"a\", \"status\": \"Healthy\"}]"));
        error.Message.Should().StartWith("$.assessments[1].recommendationId: 'nope' names no recommendation of the document (dangling id).");
        error.LineNumber.Should().Be(2);

        ReadFails(Minimal("[" + Recommendation() + "]", ", \"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\", \"recommendationIds\": [\"r1\", \"ghost\"]}]"))
            .JsonPath.Should().Be("$.metrics[0].recommendationIds[1]");
        ReadFails(Minimal("[" + Recommendation() + "]", ", \"initiatives\": [{\"id\": \"i\", \"name\": \"I\", \"kind\": \"Workload\", \"metricIds\": [\"ghost\"]}]"))
            .JsonPath.Should().Be("$.initiatives[0].metricIds[0]");
        ReadFails(Minimal("[" + Recommendation() + "]", ", \"initiatives\": [{\"id\": \"i\", \"name\": \"I\", \"kind\": \"Workload\", \"recommendationIds\": [\"r1\", \"ghost\"]}]"))
            .JsonPath.Should().Be("$.initiatives[0].recommendationIds[1]");
    }

    [Fact]
    public void Read_DanglingIdBeforeItsTargetList_IsStillFound_WithoutPosition()
    {
        var json = "{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", "
            + "\"initiatives\": [{\"id\": \"i\", \"name\": \"I\", \"kind\": \"Workload\", \"metricIds\": [\"m\"]}], "
            + "\"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"Healthy\"}, {\"recommendationId\": \"ghost\", \"assetId\": \"a\", \"status\": \"Healthy\"}], "
            + "\"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\"}], "
            + "\"recommendations\": [" + Recommendation() + "]}";

        var error = ReadFails(json);

        error.Message.Should().Be("$.assessments[1].recommendationId: '" + "ghost" + "' names no recommendation of the document (dangling id).");
        error.LineNumber.Should().BeNull();
        Read(json.Replace("\"ghost\"", "\"r1\"", StringComparison.Ordinal).Replace("\"assetId\": \"a\", \"status\": \"Healthy\"}]", "\"assetId\": \"b\", \"status\": \"Healthy\"}]", StringComparison.Ordinal))
            .Initiatives.Should().ContainSingle("references to lists that come later in the document are resolved at the end");
    }

    [Fact]
    public void Read_InvalidAssetMetricInitiativeAndAssessmentFields_NameThePath()
    {
        ReadFails(Minimal(extra: ", \"assets\": [{\"kind\": \"Device\"}]")).Message.Should().StartWith("$.assets[0]: missing required property 'id'");
        ReadFails(Minimal(extra: ", \"assets\": [{\"id\": \"a\", \"criticality\": \"Extreme\"}]")).Message.Should().StartWith("$.assets[0].criticality: unknown value 'Extreme' (expected VeryHigh, High, Medium, Low)");
        ReadFails(Minimal("[" + Recommendation() + "]", ", \"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"Broken\"}]"))
            .Message.Should().StartWith("$.assessments[0].status: unknown value 'Broken' (expected Healthy, Unhealthy, NotApplicable)");
        ReadFails(Minimal(extra: ", \"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Huge\"}]")).Message.Should().StartWith("$.metrics[0].weight: unknown value 'Huge' (expected High, Medium, Low, RiskAccepted)");
        ReadFails(Minimal(extra: ", \"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\", \"selector\": {\"domains\": [\"Identity\", \"Network\"]}}]"))
            .Message.Should().StartWith("$.metrics[0].selector.domains[1]: unknown value 'Network'");
        ReadFails(Minimal(extra: ", \"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\", \"selector\": []}]")).Message.Should().StartWith("$.metrics[0].selector: expected an object, got an array");
        ReadFails(Minimal(extra: ", \"metrics\": [{\"id\": \"m\", \"name\": \"M\", \"weight\": \"Low\", \"selector\": {\"impacts\": [\"High\", \"Critical\"]}}]"))
            .Message.Should().StartWith("$.metrics[0].selector.impacts[1]: unknown value 'Critical' (expected High, Medium, Low)");
        ReadFails(Minimal(extra: ", \"initiatives\": [{\"id\": \"i\", \"name\": \"I\", \"kind\": \"Sideways\"}]"))
            .Message.Should().StartWith("$.initiatives[0].kind: unknown value 'Sideways' (expected Workload, HorizontalThreat, ThreatAnalytics, ZeroTrust, ExternalAttackSurface, Compliance)");
        ReadFails(Minimal(extra: ", \"initiatives\": [{\"id\": \"i\", \"name\": \"I\", \"kind\": \"Workload\", \"targetScore\": 101}]")).Message.Should().StartWith("$.initiatives[0].targetScore: 101 is out of range (expected a number from 0 to 100)");
        ReadFails(Minimal(extra: ", \"initiatives\": [{\"id\": \"i\", \"name\": \"I\"}]")).Message.Should().StartWith("$.initiatives[0]: missing required property 'kind'");
    }

    [Fact]
    public void Read_UnknownTopLevelPropertyWithOddName_UsesBracketNotation()
        => ReadFails(Minimal(extra: ", \"x-y z\": " + new string('[', 70) + new string(']', 70))).JsonPath.Should().Be("$['x-y z']");

    // ----- round trips -----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteThenRead_FullSnapshot_PreservesEverything_AndRewritesTheSameBytes(bool indented)
    {
        var original = SnapshotSamples.Full();
        var options = new SnapshotWriteOptions { Indented = indented };

        var first = SnapshotDocument.WriteToUtf8Bytes(original, options);
        var read = SnapshotDocument.Read(first);
        var second = SnapshotDocument.WriteToUtf8Bytes(read, options);

        read.Should().BeEquivalentTo(original, o => o.WithStrictOrdering());
        read.Recommendations[0].LastCalculated.Should().Be(original.Recommendations[0].LastCalculated);
        second.Should().Equal(first);
        Encoding.UTF8.GetString(first).Should().Contain("ünïcödé").And.Contain("<html> & + signs", "the document is data, not HTML: no needless escaping");
    }

    /// <summary>
    /// Found by the round-trip property (issue 17 §8): the model accepts any security domain, the document only
    /// the six well-known ones, so the writer wrote documents its own reader rejected. It now refuses them
    /// before writing anything.
    /// </summary>
    [Fact]
    public async Task Write_SnapshotWithADomainTheDocumentCannotHold_IsRefusedBeforeAnythingIsWritten()
    {
        var custom = new ExposureSnapshot("t", new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
            [new Recommendation("r1", "N", "S", "W", "x-fgc", Impact.High)]);
        using var stream = new MemoryStream();
        FluentActions.Invoking(() => SnapshotDocument.Write(custom, stream)).Should().Throw<ArgumentException>()
            .WithMessage("Recommendation 'r1' has the security domain 'x-fgc', which a snapshot document cannot hold: it holds only Devices, Apps, Data, Identity, Cloud, SaaS. Nothing was written.*");
        stream.Length.Should().Be(0);
        await FluentActions.Awaiting(() => SnapshotDocument.WriteAsync(custom, stream)).Should().ThrowAsync<ArgumentException>().WaitAsync(TimeSpan.FromSeconds(30));
        stream.Length.Should().Be(0);

        var selector = new ExposureSnapshot("t", new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), [],
            metrics: [new Metric("m1", "M", MetricWeight.High, selector: new MetricSelector(domains: [SecurityDomain.Cloud, "Mainframe"]))]);
        FluentActions.Invoking(() => SnapshotDocument.WriteToUtf8Bytes(selector)).Should().Throw<ArgumentException>()
            .WithMessage("The selector of metric 'm1' names the security domain 'Mainframe'*");
    }

    /// <summary>
    /// Found by the round-trip property (issue 17 §8): an empty or white-space description or asset name was
    /// written as such, and the reader rejects empty text, so the document did not read back. Such text is
    /// absent in the model, as in the document.
    /// </summary>
    [Fact]
    public void WriteThenRead_EmptyOrWhiteSpaceDescriptionsAndAssetNames_AreAbsentAndReadBack()
    {
        var snapshot = new ExposureSnapshot("t", new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
            [new Recommendation("r1", "N", "S", "W", SecurityDomain.Identity, Impact.High, description: "")],
            [new Asset("a1", AssetKind.Device, " \t ")],
            metrics: [new Metric("m1", "M", MetricWeight.High, ["r1"], description: "\n")],
            initiatives: [new Initiative("i1", "I", InitiativeKind.Workload, ["m1"], description: " ")]);

        (snapshot.Recommendations[0].Description, snapshot.Assets[0].Name, snapshot.Metrics[0].Description, snapshot.Initiatives[0].Description)
            .Should().Be((null, null, null, null));
        var read = SnapshotDocument.Read(SnapshotDocument.WriteToUtf8Bytes(snapshot));
        read.Should().BeEquivalentTo(snapshot, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task WriteAsyncThenReadAsync_FullSnapshot_PreservesEverything()
    {
        var original = SnapshotSamples.Full();
        using var stream = new MemoryStream();
        await SnapshotDocument.WriteAsync(original, stream);
        stream.Position = 0;

        var read = await SnapshotDocument.ReadAsync(stream);

        read.Should().BeEquivalentTo(original, o => o.WithStrictOrdering());
        stream.ToArray().Should().Equal(SnapshotDocument.WriteToUtf8Bytes(original), "sync and async writers produce the same bytes");
    }

    [Fact]
    public void Write_IndentedDocument_LooksLikeTheContract()
    {
        var text = Encoding.UTF8.GetString(SnapshotDocument.WriteToUtf8Bytes(Read(ContractExample)));

        text.Should().StartWith("{\n  \"schemaVersion\": 1,\n  \"tenantId\": \"contoso\",\n  \"asOf\": \"2026-11-21T06:00:00Z\",");
        text.Should().Contain("\"impact\": \"High\"").And.Contain("\"state\": \"MitigatedByOrganization\"").And.Contain("\"lastStateChange\": \"2026-11-20T03:00:00Z\"");
        text.Should().NotContain("\r");
    }

    [Fact]
    public void Write_ToUtf8JsonWriter_WritesOneValue()
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            SnapshotDocument.Write(Read(Minimal()), writer);
            writer.WriteEndArray();
        }

        Encoding.UTF8.GetString(buffer.ToArray()).Should().Be("[{\"schemaVersion\":1,\"tenantId\":\"t\",\"asOf\":\"2026-11-21T06:00:00Z\",\"assets\":[],\"recommendations\":[],\"assessments\":[],\"metrics\":[],\"initiatives\":[]}]");
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var stream = new TrickleStream(Utf8(ContractExample), 16);
        await FluentActions.Awaiting(() => SnapshotDocument.ReadAsync(stream, cancellationToken: new CancellationToken(true)).AsTask())
            .Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void ReadAndWrite_NullArguments_Throw()
    {
        FluentActions.Invoking(() => SnapshotDocument.Read((Stream)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SnapshotDocument.Write(null!, Stream.Null)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SnapshotDocument.Write(SnapshotSamples.Full(), (Stream)null!)).Should().Throw<ArgumentNullException>();
    }

    // ----- scale -----

    [Fact]
    public async Task ReadAsync_MillionAssessmentsFromAGeneratedStream_ReadsThemAll()
    {
        using var stream = new GeneratedDocumentStream(recommendationCount: 100, assetCount: 10_000);

        var snapshot = await SnapshotDocument.ReadAsync(stream);

        snapshot.Recommendations.Should().HaveCount(100);
        snapshot.Assessments.Should().HaveCount(1_000_000);
        snapshot.Assessments.Count(a => a.Status == AssessmentStatus.Unhealthy).Should().Be(100 * ((10_000 + 6) / 7));
        snapshot.Assessments[^1].Should().Be(new Assessment("rec-099", "asset-9999", AssessmentStatus.NotApplicable));
        snapshot.Assessments[^2].Should().Be(new Assessment("rec-099", "asset-9998", AssessmentStatus.Healthy));
        stream.BytesProduced.Should().BeGreaterThan(50_000_000, "the document is far larger than the reader's buffer");
        ReferenceEquals(snapshot.Assessments[0].RecommendationId.Value, snapshot.Assessments[1].RecommendationId.Value).Should().BeTrue("repeated ids share one string");
    }
}
