using System.Text;
using static ExposureSdk.Tests.Snapshots.SnapshotSamples;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>
/// Text the reader cannot decode (an escaped lone surrogate, invalid UTF-8) is malformed input like any
/// other: <see cref="SnapshotFormatException"/> with its JSON path and position, at the top level as in a
/// record (issue 17: top-level values and property names gave InvalidOperationException).
/// </summary>
public sealed class SnapshotDocumentInvalidTextTests
{
    private static readonly byte[] Before = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,");

    /// <summary>Reads from a span, a stream in 1- and 7-byte chunks and asynchronously; every path must give the same error.</summary>
    private static SnapshotFormatException ReadFails(byte[] document)
    {
        var error = FluentActions.Invoking(() => SnapshotDocument.Read(document)).Should().Throw<SnapshotFormatException>().Which;
        foreach (var chunk in new[] { 1, 7 })
        {
            using var stream = new TrickleStream(document, chunk);
            FluentActions.Invoking(() => SnapshotDocument.Read(stream)).Should().Throw<SnapshotFormatException>()
                .Which.Message.Should().Be(error.Message, $"reading in {chunk}-byte chunks must report the same error");
        }

        using var async = new TrickleStream(document, 5);
        FluentActions.Awaiting(() => SnapshotDocument.ReadAsync(async).AsTask()).Should().ThrowAsync<SnapshotFormatException>()
            .WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult()
            .Which.Message.Should().Be(error.Message);
        return error;
    }

    private static byte[] Bytes(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            bytes.AddRange(part switch
            {
                string text => Encoding.UTF8.GetBytes(text),
                byte b => [b],
                byte[] array => array,
                _ => throw new ArgumentException("string, byte or byte[]", nameof(parts)),
            });
        }

        return [.. bytes];
    }

    [Fact]
    public void Read_TenantIdWithAnEscapedLoneSurrogate_IsAFormatErrorAtTheValue()
    {
        // The exact input.
        var error = ReadFails(Bytes("{\"schemaVersion\":1,\"tenantId\":\"t\\ud800\",\"asOf\":\"2026-11-21T06:00:00Z\",\"recommendations\":[]}"));

        error.JsonPath.Should().Be("$.tenantId");
        error.Problem.Should().StartWith("invalid text: ");
        error.LineNumber.Should().Be(0);
        error.BytePositionInLine.Should().Be(30, "the value starts after {\"schemaVersion\":1,\"tenantId\":");
        error.InnerException.Should().BeNull();
    }

    [Fact]
    public void Read_UnknownTopLevelPropertyNameWithByte0xFF_IsAFormatErrorAtTheName()
    {
        var error = ReadFails(Bytes(Before, "\"x", (byte)0xFF, "\":1,\"tenantId\":\"t\",\"asOf\":\"2026-11-21T06:00:00Z\",\"recommendations\":[]}"));

        error.JsonPath.Should().Be("$");
        error.Problem.Should().StartWith("invalid text in a property name: ");
        error.LineNumber.Should().Be(0);
        error.BytePositionInLine.Should().Be(Before.Length);
    }

    [Fact]
    public void Read_AsOfWithByte0xC0_IsAFormatErrorAtTheValue()
    {
        var prefix = Bytes(Before, "\"tenantId\":\"t\",\"asOf\":");
        var error = ReadFails(Bytes(prefix, "\"2026-11-21T06:", (byte)0xC0, "0:00Z\",\"recommendations\":[]}"));

        error.JsonPath.Should().Be("$.asOf");
        error.Problem.Should().StartWith("invalid text: ");
        error.LineNumber.Should().Be(0);
        error.BytePositionInLine.Should().Be(prefix.Length);
    }

    [Fact]
    public void Read_TopLevelPropertyNameWithAnEscapedLoneSurrogate_IsAFormatError()
    {
        var error = ReadFails(Bytes(Before, "\"x\\udc00\":1,\"tenantId\":\"t\",\"asOf\":\"2026-11-21T06:00:00Z\",\"recommendations\":[]}"));

        error.JsonPath.Should().Be("$");
        error.LineNumber.Should().Be(0);
        error.BytePositionInLine.Should().Be(Before.Length);
    }

    [Fact]
    public void Read_SameTextInARecord_IsReportedAtTheRecord()
    {
        var document = Bytes(Before, "\"tenantId\":\"t\",\"asOf\":\"2026-11-21T06:00:00Z\",\"recommendations\":[],\"assets\":[{\"id\":\"a\\ud800\"}]}");

        var error = ReadFails(document);

        error.JsonPath.Should().Be("$.assets[0]");
        error.Problem.Should().StartWith("invalid text: ");
    }

    /// <summary>
    /// Every byte position of the contract example, with 0xFF, 0xC0 or an escaped lone surrogate inserted
    /// there: the reader either reads the document or reports a <see cref="SnapshotFormatException"/> with
    /// a path (never another exception).
    /// </summary>
    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0 })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public void Read_InvalidTextInsertedAnywhere_GivesOnlyTheDocumentedException(byte[] inserted)
    {
        var document = Encoding.UTF8.GetBytes(ContractExample);
        var failures = 0;
        for (var at = 0; at <= document.Length; at++)
        {
            var mutated = Bytes(document[..at], inserted, document[at..]);
            try
            {
                _ = SnapshotDocument.Read(mutated);
            }
            catch (SnapshotFormatException ex)
            {
                ex.JsonPath.Should().StartWith("$");
                failures++;
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Inserting [{Convert.ToHexString(inserted)}] at byte {at} gave {ex.GetType().Name}: {ex.Message}");
            }
        }

        failures.Should().BeGreaterThan(document.Length / 2, "most positions make the document invalid");
    }
}
