using System.Text;
using ExposureSdk.Fuzz;
using ExposureSdk.Providers.DefenderForCloud;

namespace ExposureSdk.Reliability.Tests;

/// <summary>
/// Every defect fuzzing found (issue 17 §2), as its input through the same target: each was an undocumented
/// exception, a documented one that only wrapped the real one ("Reading the pull failed:
/// InvalidOperationException."), or a hang; each is now accepted or refused with a clear documented exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string Sub = Seeds.Subscription;
    private static readonly string Fixtures = Seeds.FindFixtures();

    /// <summary>JSON text with bytes no UTF-8 decoder accepts spliced in where the text says <c>&lt;FF&gt;</c>.</summary>
    private static byte[] Bytes(string json) => [.. json.Split('\u00a7').Select(Encoding.UTF8.GetBytes).Aggregate((a, b) => [.. a, 0xFF, .. b])];

    private static FuzzCase Case(int seed = 0, int variant = 0) => new(seed, [], [], false, variant);

    private static string Rejected(FuzzTarget target, byte[] input, FuzzCase c)
    {
        Exception? refused = null;
        try
        {
            target.Run(input, c, CancellationToken.None);
        }
        catch (Exception ex)
        {
            refused = ex;
        }

        refused.Should().NotBeNull("the input is bad");
        target.IsDocumented(refused!).Should().BeTrue($"{refused!.GetType().Name}: {refused.Message}");
        FuzzRunner.RunOne(target, c, input, out _, out _).Should().Be(Outcome.Rejected);
        return refused.Message;
    }

    // Graph: a property name the JSON reader cannot decode failed the pull as "Reading the pull failed:
    // InvalidOperationException." (a string value it cannot decode was already a malformed page).

    [Fact]
    public void Graph_ProfilePropertyNameWithAnEscapedLoneSurrogate_IsAMalformedPage()
    {
        var message = Rejected(new GraphTarget(Fixtures), Encoding.UTF8.GetBytes("""{"value":[{"id":"p1","x\udc00":"t"}]}"""), Case(variant: 2));
        message.Should().Contain("secureScoreControlProfiles page with text that is not valid UTF-8 or holds an escaped lone surrogate");
    }

    [Fact]
    public void Graph_SecureScorePropertyNameWithInvalidUtf8_IsAMalformedPageInHistoryToo()
    {
        var input = Bytes("""{"value":[{"id":"s1","azureTenantId§":"t","createdDateTime":"2026-11-21T00:00:00Z","currentScore":1,"maxScore":2,"controlScores":[]}]}""");
        Rejected(new GraphTarget(Fixtures), input, Case(variant: 3)).Should().Contain("secureScores page with text that is not valid UTF-8");
    }

    // Defender for Cloud: the same names escaped ReadAsync as a raw InvalidOperationException.

    [Fact]
    public void DefenderRest_AssessmentPropertyNameWithAnEscapedLoneSurrogate_IsAMalformedPage()
    {
        var target = new DefenderTarget(Fixtures, DefenderForCloudReadPath.Rest);
        var input = Encoding.UTF8.GetBytes("""{"value":[{"id":"/subscriptions/SUB/providers/Microsoft.Security/assessments/a1","name":"a1","properties":{"display\ud800Name":"d","resourceDetails":{"source":"Azure","id":"/subscriptions/SUB/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"},"status":{"code":"Healthy"}}}]}""".Replace("SUB", Sub, StringComparison.Ordinal));
        Rejected(target, input, Case(target.SeedOf("assessments"))).Should().Contain("page with text that is not valid UTF-8 or holds an escaped lone surrogate");
    }

    [Fact]
    public void DefenderResourceGraph_RowPropertyNameWithInvalidUtf8_IsAMalformedPage()
    {
        var target = new DefenderTarget(Fixtures, DefenderForCloudReadPath.ResourceGraph);
        var input = Bytes("""{"totalRecords":1,"count":1,"data":[{"id":"/subscriptions/SUB/providers/Microsoft.Security/assessments/a1","name":"a","subscription§Id":"x","subscriptionId":"SUB","properties":{}}]}""".Replace("SUB", Sub, StringComparison.Ordinal));
        Rejected(target, input, Case(target.SeedOf("rg-assessments"))).Should().Contain("page with text that is not valid UTF-8");
    }

    [Fact]
    public void DefenderRest_BlankMetadataDisplayName_NamesTheRecommendationFromTheAssessment()
    {
        // Was an ArgumentException from the Recommendation constructor ("must not be empty or white space").
        var target = new DefenderTarget(Fixtures, DefenderForCloudReadPath.Rest);
        var input = Encoding.UTF8.GetBytes("""{"value":[{"name":"21300918-b2e3-0346-785f-c77ff57d243b","properties":{"displayName":"  ","severity":"Medium","threats":[" ",""]}}]}""");
        FuzzRunner.RunOne(target, Case(target.SeedOf("assessmentMetadata")), input, out _, out _).Should().Be(Outcome.Accepted);
    }

    [Fact]
    public void DefenderRest_MetadataCategoryLongerThanATag_IsCut()
    {
        // Was an ArgumentException from the Recommendation constructor ("An item is 52310 characters long").
        var target = new DefenderTarget(Fixtures, DefenderForCloudReadPath.Rest);
        var input = Encoding.UTF8.GetBytes("""{"value":[{"name":"21300918-b2e3-0346-785f-c77ff57d243b","properties":{"displayName":"d","severity":"Medium","categories":["%"]}}]}""".Replace("%", new string('c', 5000), StringComparison.Ordinal));
        FuzzRunner.RunOne(target, Case(target.SeedOf("assessmentMetadata")), input, out _, out _).Should().Be(Outcome.Accepted);
    }

    [Fact]
    public void DefenderRest_LongCategoryWithAPairAcrossTheCut_IsCutBeforeThePair()
    {
        // Text cut to the model's limits must not split a surrogate pair: the model refuses the lone half.
        // "category:" is 9 characters, so the emoji's first half would be the tag's 512th.
        var target = new DefenderTarget(Fixtures, DefenderForCloudReadPath.Rest);
        var input = Encoding.UTF8.GetBytes("""{"value":[{"name":"21300918-b2e3-0346-785f-c77ff57d243b","properties":{"displayName":"d","severity":"Medium","categories":["%"]}}]}""".Replace("%", new string('c', 502) + "\U0001F600tail", StringComparison.Ordinal));
        FuzzRunner.RunOne(target, Case(target.SeedOf("assessmentMetadata")), input, out _, out _).Should().Be(Outcome.Accepted);
    }

    [Fact]
    public void DefenderRest_AssessmentNameLongerThanAnIdentifier_IsSkipped()
    {
        // Was an ArgumentException from the Assessment constructor ("The value is 53808 characters long").
        var target = new DefenderTarget(Fixtures, DefenderForCloudReadPath.Rest);
        var input = Encoding.UTF8.GetBytes("""{"value":[{"id":"/subscriptions/SUB/providers/Microsoft.Security/assessments/a1","name":"%","properties":{"displayName":"d","resourceDetails":{"source":"Azure","id":"/subscriptions/SUB/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"},"status":{"code":"Healthy"}}}]}"""
            .Replace("SUB", Sub, StringComparison.Ordinal).Replace("%", new string('n', 5000), StringComparison.Ordinal));
        FuzzRunner.RunOne(target, Case(target.SeedOf("assessments")), input, out _, out _).Should().Be(Outcome.Accepted);
    }

    // Scanners: raw InvalidOperationException from the OCSF mapper and the Maester reader.

    [Fact]
    public void Ocsf_FindingWithAnEscapedLoneSurrogate_NamesTheRecordAndField()
    {
        var input = Encoding.UTF8.GetBytes("""{"class_uid":2004,"metadata":{"event_code":"check\udc00","product":{"name":"Prowler"}},"status_code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"t"}],"finding_info":{"title":"T","uid":"f1"}}""");
        Rejected(new OcsfTarget(Fixtures), input, Case()).Should().Contain("line 1").And.Contain("escaped lone surrogate");
    }

    [Fact]
    public void Ocsf_BlankCheckId_IsRefusedNamingTheField()
    {
        // Was an ArgumentException from the recommendation id (found by the long run).
        var input = Encoding.UTF8.GetBytes("""{"class_uid":2004,"metadata":{"event_code":"  ","product":{"name":"Prowler"}},"status_code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"t"}],"finding_info":{"title":"T","uid":"f1"}}""");
        Rejected(new OcsfTarget(Fixtures), input, Case()).Should().Contain("event_code").And.Contain("empty or white space");
    }

    [Fact]
    public void Ocsf_CloudProviderLongerThanAnIdentifier_IsCut()
    {
        // Was an ArgumentException from Workload.Parse ("The value is 45168 characters long"; found by the long run).
        var input = Encoding.UTF8.GetBytes("""{"class_uid":2004,"metadata":{"event_code":"c1","product":{"name":"Prowler"}},"cloud":{"provider":"%"},"status_code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"t"}],"finding_info":{"title":"T","uid":"f1"}}""".Replace("%", new string('p', 5000), StringComparison.Ordinal));
        FuzzRunner.RunOne(new OcsfTarget(Fixtures), Case(), input, out _, out _).Should().Be(Outcome.Accepted);
    }

    [Fact]
    public void Ocsf_LongCloudProviderWithAPairAcrossTheCut_IsCutBeforeThePair()
    {
        var input = Encoding.UTF8.GetBytes("""{"class_uid":2004,"metadata":{"event_code":"c1","product":{"name":"Prowler"}},"cloud":{"provider":"%"},"status_code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"%"}],"finding_info":{"title":"T","uid":"f1"}}""".Replace("%", new string('p', 510) + "\U0001F600tail", StringComparison.Ordinal));
        FuzzRunner.RunOne(new OcsfTarget(Fixtures), Case(), input, out _, out _).Should().Be(Outcome.Accepted);
    }

    [Fact]
    public async Task Ocsf_LongRecordReadFortyBytesAtATime_IsReadInLinearTime()
    {
        // Was quadratic: the splitter measured the record again after every read; a 200 KB record read 40 bytes
        // at a time took 3.6 s (a fuzzing "hang"). 4 MB this way would take many minutes; now well under the bound.
        var record = """{"class_uid":2004,"metadata":{"event_code":"c1","product":{"name":"Prowler"}},"status_code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"t"}],"finding_info":{"title":"T","uid":"f1","desc":"%"}}""";
        var input = Encoding.UTF8.GetBytes(record.Replace("%", new string('x', 4 * 1024 * 1024), StringComparison.Ordinal));
        var target = new OcsfTarget(Fixtures);
        await Task.Run(() => target.Run(input, Case(variant: 39), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Maester_TestIdWithAnEscapedLoneSurrogate_NamesThePath()
    {
        var input = Encoding.UTF8.GetBytes("""{"ExecutedAt":"2026-11-21T06:00:00Z","TenantId":"t","Tests":[{"Id":"MT.1\ud800","Name":"x","Result":"Failed","Tag":[]}]}""");
        Rejected(new MaesterTarget(Fixtures), input, Case()).Should().Contain("$.Tests[0]").And.Contain("escaped lone surrogate");
    }

    // Property names the JSON reader cannot decode, in the scanners' readers too (the Graph and Defender for Cloud
    // findings were property names; the scanner regressions above are values): refused with the documented
    // exception, never a raw InvalidOperationException.

    [Fact]
    public void Ocsf_PropertyNameWithAnEscapedLoneSurrogate_IsRefusedNamingTheRecord()
    {
        var input = Encoding.UTF8.GetBytes("""{"class_uid":2004,"metadata":{"event_code":"c1","product":{"name":"Prowler"}},"status\ud800code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"t"}],"finding_info":{"title":"T","uid":"f1"}}""");
        Rejected(new OcsfTarget(Fixtures), input, Case()).Should().Contain("line 1").And.NotContain("InvalidOperationException");
    }

    [Fact]
    public void Ocsf_PropertyNameWithInvalidUtf8_IsRefusedNamingTheRecord()
    {
        var input = Bytes("""{"class_uid":2004,"metadata":{"event_code":"c1","product":{"name":"Prowler"}},"status§code":"FAIL","severity_id":3,"resources":[{"uid":"r1","type":"t"}],"finding_info":{"title":"T","uid":"f1"}}""");
        Rejected(new OcsfTarget(Fixtures), input, Case()).Should().NotContain("InvalidOperationException");
    }

    [Fact]
    public void Maester_PropertyNameWithAnEscapedLoneSurrogate_IsRefused()
    {
        var input = Encoding.UTF8.GetBytes("""{"ExecutedAt":"2026-11-21T06:00:00Z","TenantId":"t","Tests":[{"I\udc00d":"MT.1","Name":"x","Result":"Failed","Tag":[]}]}""");
        Rejected(new MaesterTarget(Fixtures), input, Case()).Should().NotContain("InvalidOperationException");
    }

    [Fact]
    public void Maester_UnknownTopLevelPropertyNameWithInvalidUtf8_IsSkippedLikeAnyUnknownProperty()
    {
        // The reader never decodes a name it does not know (it compares bytes), so the file is read; the
        // optional ExecutedAt is simply absent. What matters: no raw InvalidOperationException.
        var input = Bytes("""{"Executed§At":"2026-11-21T06:00:00Z","TenantId":"t","Tests":[{"Id":"MT.1","Name":"x","Result":"Failed","Tag":[]}]}""");
        FuzzRunner.RunOne(new MaesterTarget(Fixtures), Case(), input, out _, out _).Should().Be(Outcome.Accepted);
    }
}
