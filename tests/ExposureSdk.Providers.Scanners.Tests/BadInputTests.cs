using System.Text;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>Bad input: one clear <see cref="ExposureSourceException"/> naming the file, the record (line, or JSON path) and the field.</summary>
public sealed class BadInputTests
{
    private const string Finding = """{"class_uid":2004,"metadata":{"event_code":"check_a","product":{"name":"Prowler"}},"finding_info":{"title":"A"},"severity_id":3,"status_code":"FAIL","status_id":1,"resources":[{"uid":"r1","type":"Bucket"}],"cloud":{"provider":"aws","account":{"uid":"111"}}}""";

    private static Task<ScanResult> Read(string text, string name = "findings.json")
        => OcsfFindingReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    private static async Task<ExposureSourceException> Fails(string text, string name = "findings.json")
    {
        var act = () => Read(text, name);
        return (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
    }

    [Fact]
    public async Task JsonLines_AreDetectedAndLinesCounted()
    {
        var r = await Read(Finding + "\n\n" + Finding.Replace("r1", "r2", StringComparison.Ordinal) + "\n", "f.jsonl");

        r.RecordCount.Should().Be(2);
        r.Assessments.Should().HaveCount(2);
    }

    [Fact]
    public async Task MalformedJson_NamesFileLineAndRecord()
    {
        var e = await Fails("[\n" + Finding + ",\n" + Finding.Replace("\"FAIL\"", "FAIL", StringComparison.Ordinal) + "\n]");

        e.Message.Should().Contain("'findings.json' line 3 ($[1])").And.Contain("malformed JSON");
        e.ProviderName.Should().Be("OCSF");
    }

    [Fact]
    public async Task WrongClassUid_NamesTheField()
    {
        var e = await Fails("[" + Finding + "," + Finding.Replace("2004", "2005", StringComparison.Ordinal) + "]");

        e.Message.Should().Contain("'findings.json' line 1 ($[1].class_uid)").And.Contain("class_uid 2005");
        e.Field.Should().Be("class_uid");
    }

    [Fact]
    public async Task FindingWithoutResources_IsBadInput()
    {
        var e = await Fails(Finding.Replace("[{\"uid\":\"r1\",\"type\":\"Bucket\"}]", "[]", StringComparison.Ordinal) + "\n", "f.jsonl");

        e.Message.Should().Contain("'f.jsonl' line 1 ($.resources)").And.Contain("no resources");
    }

    [Fact]
    public async Task ResourceWithoutUid_IsBadInput()
    {
        var e = await Fails("[" + Finding.Replace("\"uid\":\"r1\",", string.Empty, StringComparison.Ordinal) + "]");

        e.Message.Should().Contain("$[0].resources[0].uid");
    }

    [Fact]
    public async Task UnknownStatus_OnTheThirdLine_NamesTheLine()
    {
        var e = await Fails(Finding + "\n" + Finding + "\n" + Finding.Replace("\"FAIL\"", "\"MAYBE\"", StringComparison.Ordinal) + "\n", "scan.jsonl");

        e.Message.Should().Contain("'scan.jsonl' line 3 ($.status_code): unknown status 'MAYBE' (expected PASS, FAIL or MANUAL)");
        e.Field.Should().Be("status_code");
    }

    [Fact]
    public async Task StatusCode_IsCaseInsensitive()
    {
        var r = await Read(Finding.Replace("\"FAIL\"", "\"pass\"", StringComparison.Ordinal));

        r.Assessments.Single().Status.Should().Be(AssessmentStatus.Healthy);
    }

    [Theory]
    [InlineData("[\n{\"class_uid\":2004,\"metadata\":{\"event_code\":\"x\"")]
    [InlineData("[{}, ")]
    public async Task TruncatedArray_SaysTruncated(string text)
    {
        var e = await Fails(text.Replace("{}", Finding, StringComparison.Ordinal));

        e.Message.Should().Contain("truncated");
    }

    [Fact]
    public async Task TruncatedJsonLines_NamesTheLastLine()
    {
        var e = await Fails(Finding + "\n" + Finding[..40], "f.jsonl");

        e.Message.Should().Contain("'f.jsonl' line 2").And.Contain("truncated");
    }

    [Fact]
    public async Task CsvMissingColumns_NamesThem()
    {
        var e = await Fails("CHECK_ID;STATUS;TIMESTAMP\nc1;FAIL;2025-01-01 00:00:00\n", "out.csv");

        e.Message.Should().Contain("'out.csv' line 1").And.Contain("SEVERITY, RESOURCE_UID");
    }

    [Fact]
    public async Task CsvShortRow_AndUnknownStatus_NameTheLine()
    {
        const string header = "CHECK_ID;STATUS;SEVERITY;RESOURCE_UID;MUTED\n";
        (await Fails(header + "c1;FAIL;high;r1;False\nc2;FAIL\n", "out.csv")).Message.Should().Contain("'out.csv' line 3").And.Contain("2 field(s) but the header has 5");
        (await Fails(header + "c1;ERROR;high;r1;False\n", "out.csv")).Message.Should().Contain("line 2").And.Contain("unknown STATUS 'ERROR'");
        (await Fails(header + "c1;FAIL;high;\"r1\nmore", "out.csv")).Message.Should().Contain("line 2").And.Contain("truncated");
    }

    [Fact]
    public async Task CsvQuotedFields_HoldSeparatorsQuotesAndLineBreaks()
    {
        var r = await Read("CHECK_ID;STATUS;SEVERITY;RESOURCE_UID;CHECK_TITLE\nc1;PASS;low;r1;\"A; \"\"quoted\"\"\nline\"\n", "out.csv");

        r.Recommendations.Single().Name.Should().Be("A; \"quoted\"\nline");
    }

    [Fact]
    public async Task Muted_NotAssessed_AndACheckWhoseEveryFindingIsMuted_IsRiskAccepted()
    {
        var muted = Finding.Replace("\"status_id\":1", "\"status_id\":3", StringComparison.Ordinal);
        var r = await Read(muted + "\n" + muted.Replace("r1", "r2", StringComparison.Ordinal) + "\n"
            + Finding.Replace("check_a", "check_b", StringComparison.Ordinal) + "\n" + muted.Replace("check_a", "check_b", StringComparison.Ordinal).Replace("r1", "r3", StringComparison.Ordinal));

        r.Recommendations.Single(x => x.Id.Value == "check_a").IsRiskAccepted.Should().BeTrue("every finding of check_a is muted");
        r.Recommendations.Single(x => x.Id.Value == "check_b").IsRiskAccepted.Should().BeFalse("one finding of check_b is not muted");
        r.Assessments.Where(a => a.RecommendationId.Value == "check_a").Should().OnlyContain(a => a.Status == AssessmentStatus.NotApplicable);
        r.Assessments.Single(a => a.RecommendationId.Value == "check_b" && a.AssetId.Value == "r3").Status.Should().Be(AssessmentStatus.NotApplicable);
        r.Assessments.Single(a => a.RecommendationId.Value == "check_b" && a.AssetId.Value == "r1").Status.Should().Be(AssessmentStatus.Unhealthy);

        var csv = await Read("CHECK_ID;STATUS;SEVERITY;RESOURCE_UID;MUTED\nc1;FAIL;high;r1;True\n", "m.csv");
        csv.Recommendations.Single().IsRiskAccepted.Should().BeTrue();
        csv.Assessments.Single().Status.Should().Be(AssessmentStatus.NotApplicable);
    }

    [Fact]
    public async Task ComplianceFinding2003_StatusFromTheComplianceObject_SourceFromItsStandard()
    {
        const string record = """{"class_uid":2003,"compliance":{"standards":["NIST SP 800-53 Rev. 5"],"requirements":["AC-2"],"control":"AC-2","status_id":3},"finding_info":{"uid":"x","title":"Account management"},"severity_id":5,"resources":[{"uid":"vm-1"}]}""";
        var r = await Read(record);

        var rec = r.Recommendations.Single();
        rec.Id.Value.Should().Be("AC-2");
        rec.Source.Name.Should().Be("NIST SP 800-53 Rev. 5");
        rec.Impact.Should().Be(Impact.High);
        rec.Tags.Should().Contain("compliance:NIST SP 800-53 Rev. 5:AC-2");
        r.Assessments.Single().Status.Should().Be(AssessmentStatus.Unhealthy);
        r.Assets.Single().Kind.Should().Be(AssetKind.CloudResource, "no type given");
    }

    [Fact]
    public async Task NotJsonNorCsv_AndEmptyFiles()
    {
        (await Read(string.Empty, "empty.json")).RecordCount.Should().Be(0);
        (await Read("[]", "empty.json")).RecordCount.Should().Be(0);
        (await Fails("[1]")).Message.Should().Contain("must be a JSON object");
        (await Fails("[" + Finding + "] x")).Message.Should().Contain("after the end of the array");
    }

    [Fact]
    public async Task Maester_UnknownResult_NamesTheJsonPath()
    {
        var act = () => MaesterResultReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"Tests":[{"Id":"A","Result":"Passed"},{"Id":"B","Result":"Maybe"}]}""")), "run.json");

        var e = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        e.Message.Should().Contain("'run.json' at $.Tests[1].Result: unknown Result 'Maybe'");
        e.ProviderName.Should().Be("Maester");
    }

    [Fact]
    public async Task Maester_TruncatedFile_NamesTheLine()
    {
        var text = File.ReadAllText(TestPaths.Fixture("maester", "AD-TestResults-2026-04-25-235045.json"));
        var act = () => MaesterResultReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text[..(text.Length / 2)])), "half.json");

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("'half.json' line ").And.Contain("truncated");
    }

    [Fact]
    public async Task Maester_NotAResultsFile()
    {
        var act = () => MaesterResultReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"Result":"Passed"}""")), "x.json");

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("$.Tests").And.Contain("no Tests array");
    }

    [Fact]
    public async Task AMillionCharacterRecordLimit_AndHugeStreams_AreBounded()
    {
        var huge = "[" + Finding.Replace("\"A\"", "\"" + new string('x', 100_000) + "\"", StringComparison.Ordinal) + "]";
        var r = await Read(huge);

        r.Recommendations.Single().Name.Should().HaveLength(512, "names are cut to identifier length");
    }
}
