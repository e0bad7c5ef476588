using System.Text;
using static ExposureSdk.Tests.Snapshots.SnapshotSamples;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>
/// The reader's fast paths: ids interned by their UTF-8 bytes (also when a stream splits them), records
/// parsed in place near and across the buffer's end, duplicate (recommendation, asset) pairs in any
/// order, and the read-only assessment list it hands over.
/// </summary>
public sealed class SnapshotDocumentReaderTests
{
    /// <summary>
    /// A document larger than the reader's 64 KiB buffer: <paramref name="recommendations"/> recommendations
    /// (each with a description of <paramref name="descriptionLength"/> characters), then one assessment per
    /// recommendation and asset, asset by asset. Description lengths vary by up to 5,000 characters, so
    /// the buffer's end falls at many different places within a record.
    /// </summary>
    private static string Document(int recommendations, int assets, int descriptionLength = 0)
    {
        var text = new StringBuilder("{\"schemaVersion\": 1, \"tenantId\": \"t\", \"asOf\": \"2026-11-21T06:00:00Z\", \"recommendations\": [");
        for (var r = 0; r < recommendations; r++)
        {
            var extra = descriptionLength > 0 ? $", \"description\": \"{new string((char)('a' + (r % 26)), descriptionLength + (r * 131 % 5000))}\"" : string.Empty;
            text.Append(r == 0 ? "" : ",\n ").Append(Recommendation($"rec-{r}", extra));
        }

        text.Append("],\n\"assessments\": [");
        for (var a = 0; a < assets; a++)
        {
            for (var r = 0; r < recommendations; r++)
            {
                text.Append(a == 0 && r == 0 ? "" : ",\n ")
                    .Append($"{{\"recommendationId\": \"rec-{r}\", \"assetId\": \"asset-{a}\", \"status\": \"{(AssessmentStatus)((a + r) % 3)}\"}}");
            }
        }

        return text.Append("]}").ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void Read_IdsSplitAcrossStreamReads_AreInternedOnce_AndEqualReadFromSpan(int chunk)
    {
        var json = Utf8(Document(recommendations: 20, assets: 200));
        json.Length.Should().BeGreaterThan(128 * 1024, "the reader must refill its buffer many times");

        using var stream = new TrickleStream(json, chunk);
        var streamed = SnapshotDocument.Read(stream);
        var fromSpan = SnapshotDocument.Read(json);

        streamed.Assessments.Should().HaveCount(4000).And.Equal(fromSpan.Assessments);
        streamed.Assessments[0].Should().Be(new Assessment("rec-0", "asset-0", AssessmentStatus.NotApplicable));
        streamed.Assessments[^1].Should().Be(new Assessment("rec-19", "asset-199", (AssessmentStatus)((199 + 19) % 3)));
        var assetIds = streamed.Assessments.Where(a => a.AssetId.Value == "asset-150").Select(a => a.AssetId.Value).Distinct(ReferenceEqualityComparer.Instance);
        assetIds.Should().ContainSingle("every occurrence of an id, wherever the reads split it, is the same string");
        var recommendationIds = streamed.Assessments.Select(a => a.RecommendationId.Value).Distinct(ReferenceEqualityComparer.Instance);
        recommendationIds.Should().HaveCount(20);
        recommendationIds.Should().OnlyContain(id => streamed.Recommendations.Any(r => ReferenceEquals(r.Id.Value, id)), "assessments share the recommendations' id strings");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(50_000)]
    public void Read_RecordsLargerThanTheInPlaceMargin_AcrossBufferEnds_EqualReadFromSpan(int chunk)
    {
        // 4,000 to 9,000-character descriptions: records longer than the 4 KiB the reader wants left in its buffer
        // before parsing a record in place, so some of them start in place and run past the buffer's end.
        var json = Utf8(Document(recommendations: 60, assets: 3, descriptionLength: 4000));

        using var stream = new TrickleStream(json, chunk);
        var streamed = SnapshotDocument.Read(stream);

        streamed.Should().BeEquivalentTo(SnapshotDocument.Read(json), o => o.WithStrictOrdering());
        streamed.Recommendations.Should().HaveCount(60);
        streamed.Recommendations[59].Description.Should().Be(new string((char)('a' + (59 % 26)), 4000 + (59 * 131 % 5000)));
    }

    [Fact]
    public async Task ReadAsync_LargeDocumentInOddChunks_EqualsSyncRead()
    {
        var json = Utf8(Document(recommendations: 30, assets: 100, descriptionLength: 4500));
        using var stream = new TrickleStream(json, 3001);

        var read = await SnapshotDocument.ReadAsync(stream);

        read.Should().BeEquivalentTo(SnapshotDocument.Read(json), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Read_EscapedAndPlainSpellingsOfAnId_AreTheSameId()
    {
        var json = Minimal("[" + Recommendation("r1") + "]",
            ", \"assessments\": [{\"recommendationId\": \"r\\u0031\", \"assetId\": \"a\", \"status\": \"Healthy\"}, {\"recommendationId\": \"r1\", \"assetId\": \"b\", \"status\": \"Healthy\"}]");

        var snapshot = SnapshotDocument.Read(Utf8(json));

        snapshot.Assessments.Select(a => a.RecommendationId).Should().Equal(new RecommendationId("r1"), new RecommendationId("r1"));
        ReferenceEquals(snapshot.Assessments[0].RecommendationId.Value, snapshot.Recommendations[0].Id.Value).Should().BeTrue();

        var duplicate = Minimal("[" + Recommendation("r1") + "]",
            ", \"assessments\": [{\"recommendationId\": \"r1\", \"assetId\": \"\\u0061\", \"status\": \"Healthy\"}, {\"recommendationId\": \"r1\", \"assetId\": \"a\", \"status\": \"Healthy\"}]");
        FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(duplicate))).Should().Throw<SnapshotFormatException>()
            .Which.Message.Should().StartWith("$.assessments[1]: asset 'a' is assessed against recommendation 'r1' a second time (first at $.assessments[0]).");
    }

    [Fact]
    public void Read_AssetIdsThatOnlyStartLikeThePreviousOne_AreOtherAssets_AndEscapedSpellingsTheSame()
    {
        // The reader compares an assessment's asset id with the previous assessment's before looking it up.
        var assessments = string.Join(",\n", new[] { ("r1", "a1"), ("r2", "a1"), ("r1", "a10"), ("r2", "a"), ("r3", "a\\u0031"), ("r3", "a1") }
            .Select(p => $"{{\"recommendationId\": \"{p.Item1}\", \"assetId\": \"{p.Item2}\", \"status\": \"unhealthy\"}}"));
        var json = Minimal("[" + Recommendation("r1") + ", " + Recommendation("r2") + ", " + Recommendation("r3") + "]", ", \"assessments\": [" + assessments + "]");

        var error = FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(json))).Should().Throw<SnapshotFormatException>().Which;

        error.Message.Should().StartWith("$.assessments[5]: asset 'a1' is assessed against recommendation 'r3' a second time (first at $.assessments[4]).");
        var read = SnapshotDocument.Read(Utf8(json.Replace("{\"recommendationId\": \"r3\", \"assetId\": \"a1\"", "{\"recommendationId\": \"r2\", \"assetId\": \"a10\"", StringComparison.Ordinal)));
        read.Assessments.Select(a => a.AssetId.Value).Should().Equal("a1", "a1", "a10", "a", "a1", "a10");
        read.Assessments.Should().OnlyContain(a => a.Status == AssessmentStatus.Unhealthy);
    }

    [Theory]
    [InlineData(new[] { "r1:a", "r2:a", "r1:a" }, 2, 0)]
    [InlineData(new[] { "r1:a", "r1:b", "r2:a", "r1:a" }, 3, 0)]
    [InlineData(new[] { "r1:a", "r1:b", "r2:a", "r2:b", "r2:a" }, 4, 2)]
    [InlineData(new[] { "r1:a", "r2:b", "r1:b", "r2:a", "r3:b", "r3:a", "r2:b" }, 6, 1)]
    public void Read_DuplicatePairInAnyOrder_NamesBothPositions(string[] pairs, int second, int first)
    {
        var assessments = string.Join(",\n", pairs.Select(p => $"{{\"recommendationId\": \"{p.Split(':')[0]}\", \"assetId\": \"{p.Split(':')[1]}\", \"status\": \"Healthy\"}}"));
        var json = Minimal("[" + Recommendation("r1") + ", " + Recommendation("r2") + ", " + Recommendation("r3") + "]", ", \"assessments\": [" + assessments + "]");
        var (recommendation, asset) = (pairs[second].Split(':')[0], pairs[second].Split(':')[1]);

        var error = FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(json))).Should().Throw<SnapshotFormatException>().Which;

        error.Message.Should().StartWith($"$.assessments[{second}]: asset '{asset}' is assessed against recommendation '{recommendation}' a second time (first at $.assessments[{first}]).");
        error.LineNumber.Should().Be(second, "each assessment is on its own line");
        using var stream = new TrickleStream(Utf8(json), 5);
        FluentActions.Invoking(() => SnapshotDocument.Read(stream)).Should().Throw<SnapshotFormatException>().Which.Message.Should().Be(error.Message);
    }

    [Fact]
    public void Read_ManyAssessmentsRecommendationByRecommendation_FindsALateDuplicate()
    {
        // Recommendation-major order: every asset comes back once per recommendation, so every pair goes
        // through the reader's pair set (which grows many times); the duplicate is the very last assessment.
        var text = new StringBuilder(Minimal("[" + string.Join(",", Enumerable.Range(0, 50).Select(r => Recommendation($"r{r}"))) + "]", ", \"assessments\": [").TrimEnd('}'));
        for (var r = 0; r < 50; r++)
        {
            for (var a = 0; a < 2000; a++)
            {
                text.Append(r == 0 && a == 0 ? "" : ",").Append($"{{\"recommendationId\":\"r{r}\",\"assetId\":\"a{a}\",\"status\":\"Healthy\"}}");
            }
        }

        var valid = text.ToString() + "]}";
        SnapshotDocument.Read(Utf8(valid)).Assessments.Should().HaveCount(100_000);

        var invalid = text.Append(",{\"recommendationId\":\"r17\",\"assetId\":\"a1234\",\"status\":\"Unhealthy\"}]}").ToString();
        FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(invalid))).Should().Throw<SnapshotFormatException>()
            .Which.Message.Should().StartWith("$.assessments[100000]: asset 'a1234' is assessed against recommendation 'r17' a second time (first at $.assessments[35234]).");
    }

    [Fact]
    public void Read_InvalidRecordThatIsAlsoMalformed_ReportsTheMalformedJson()
    {
        // A type error comes before the syntax error inside the same record: the syntax error wins, as
        // when the record is checked as a whole before it is parsed.
        var json = Minimal("[" + Recommendation() + "]", ", \"assessments\": [{\"recommendationId\": 5, \"assetId\": \"a\" \"status\": \"Healthy\"}]");

        var error = FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(json))).Should().Throw<SnapshotFormatException>().Which;

        error.Message.Should().StartWith("$.assessments[0]: invalid JSON");
        using var stream = new TrickleStream(Utf8(json), 7);
        FluentActions.Invoking(() => SnapshotDocument.Read(stream)).Should().Throw<SnapshotFormatException>().Which.Message.Should().Be(error.Message);
    }

    [Fact]
    public void Read_InvalidRecordCutShortByTheEndOfTheDocument_ReportsTheTruncation()
    {
        var json = Minimal("[" + Recommendation() + "]", ", \"assessments\": [{\"recommendationId\": 5, \"assetId\": \"a\"");
        json = json[..^1];

        FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(json))).Should().Throw<SnapshotFormatException>()
            .Which.Message.Should().StartWith("$.assessments[0]: the document ends unexpectedly");
    }

    [Fact]
    public void Assessments_FromTheReader_AreAReadOnlyList()
    {
        var snapshot = SnapshotDocument.Read(Utf8(Document(recommendations: 3, assets: 2)));
        var list = snapshot.Assessments;

        list.Should().HaveCount(6);
        list.ToArray().Should().Equal(list);
        list[5].Should().Be(new Assessment("rec-2", "asset-1", AssessmentStatus.NotApplicable));
        FluentActions.Invoking(() => list[6]).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => list[-1]).Should().Throw<ArgumentOutOfRangeException>();
        var asList = list.Should().BeAssignableTo<IList<Assessment>>().Subject;
        asList.IsReadOnly.Should().BeTrue();
        asList.IndexOf(list[4]).Should().Be(4);
        asList.Contains(new Assessment("rec-0", "asset-9", AssessmentStatus.Healthy)).Should().BeFalse();
        FluentActions.Invoking(() => asList.Add(list[0])).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => asList[0] = list[1]).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => asList.Clear()).Should().Throw<NotSupportedException>();
    }
}
