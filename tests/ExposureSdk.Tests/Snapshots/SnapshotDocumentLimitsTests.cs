using System.Text.Json;
using static ExposureSdk.Tests.Snapshots.SnapshotSamples;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>
/// Limits and promises of the snapshot reader and writer at their exact bounds, found unchecked by the
/// Snapshots mutation run: the document-size limit, the write options' default, the writer's flushing,
/// cancellation between reads, and the exception's own constructors.
/// </summary>
public sealed class SnapshotDocumentLimitsTests
{
    private static string Large() => Minimal("[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => Recommendation("r" + i, ", \"description\": \"" + new string('d', 100) + "\""))) + "]");

    [Fact]
    public void Read_ADocumentOfExactlyMaxDocumentBytes_IsAccepted_OneByteLess_IsRejected()
    {
        var json = Utf8(Minimal("[" + Recommendation() + "]"));
        var exact = new SnapshotReadOptions { MaxDocumentBytes = json.Length };
        var under = new SnapshotReadOptions { MaxDocumentBytes = json.Length - 1 };

        SnapshotDocument.Read(json, exact).Recommendations.Should().ContainSingle();
        using (var stream = new TrickleStream(json, 7))
        {
            SnapshotDocument.Read(stream, exact).Recommendations.Should().ContainSingle();
        }

        FluentActions.Invoking(() => SnapshotDocument.Read(json, under)).Should().Throw<SnapshotFormatException>().WithMessage("$: the document is longer than*");
        using var streamed = new TrickleStream(json, 7);
        FluentActions.Invoking(() => SnapshotDocument.Read(streamed, under)).Should().Throw<SnapshotFormatException>().WithMessage("$: the document is longer than*");
    }

    [Fact]
    public void Read_MaxDocumentBytesOfOne_IsAValidOption()
    {
        FluentActions.Invoking(() => SnapshotDocument.Read(Utf8(Minimal()), new SnapshotReadOptions { MaxDocumentBytes = 1 }))
            .Should().Throw<SnapshotFormatException>("1 is a valid limit, which the document exceeds").WithMessage("$: the document is longer than 1 bytes*");
    }

    [Fact]
    public void Write_WithoutOptions_IsIndented_LikeTheDefaultOptions()
    {
        var snapshot = SnapshotDocument.Read(Utf8(ContractExample));

        var byDefault = SnapshotDocument.WriteToUtf8Bytes(snapshot);
        var defaultOptions = SnapshotDocument.WriteToUtf8Bytes(snapshot, new SnapshotWriteOptions());
        var compact = SnapshotDocument.WriteToUtf8Bytes(snapshot, new SnapshotWriteOptions { Indented = false });

        new SnapshotWriteOptions().Indented.Should().BeTrue();
        byDefault.Should().Contain((byte)'\n');
        defaultOptions.Should().Equal(byDefault);
        compact.Should().NotContain((byte)'\n');
    }

    [Fact]
    public void Write_ToAUtf8JsonWriter_FlushesItAtTheEnd()
    {
        var snapshot = SnapshotDocument.Read(Utf8(ContractExample));
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);

        SnapshotDocument.Write(snapshot, writer);

        writer.BytesPending.Should().Be(0);
        SnapshotDocument.Read(buffer.ToArray()).TenantId.Should().Be(snapshot.TenantId);
    }

    [Fact]
    public async Task Write_ALargeSnapshot_GoesToTheStreamInBoundedPieces()
    {
        var snapshot = SnapshotDocument.Read(Utf8(Large()));
        var expected = SnapshotDocument.WriteToUtf8Bytes(snapshot);
        expected.Length.Should().BeGreaterThan(4 * 64 * 1024, "the document is several times the writer's flush threshold");

        using var synchronous = new WriteRecordingStream();
        SnapshotDocument.Write(snapshot, synchronous);
        using var asynchronous = new WriteRecordingStream();
        await SnapshotDocument.WriteAsync(snapshot, asynchronous);

        foreach (var stream in new[] { synchronous, asynchronous })
        {
            stream.ToArray().Should().Equal(expected);
            stream.LargestWrite.Should().BeLessThan(80 * 1024, "the writer flushes whenever 64 KiB are pending, so memory stays bounded");
        }
    }

    [Fact]
    public async Task ReadAsync_CancelledBetweenReads_Throws_EvenWhenTheStreamIgnoresTheToken()
    {
        using var cancellation = new CancellationTokenSource();
        using var stream = new TokenIgnoringStream(Utf8(Large()), 4096, cancellation);

        await FluentActions.Awaiting(() => SnapshotDocument.ReadAsync(stream, cancellationToken: cancellation.Token).AsTask())
            .Should().ThrowAsync<OperationCanceledException>();
        stream.Position.Should().BeLessThan(stream.Length, "the reader stopped before the end of the document");
    }

    [Fact]
    public void Exception_StandardConstructors_PointAtTheWholeDocument()
    {
        var inner = new InvalidOperationException("inner");

        new SnapshotFormatException().Should().BeEquivalentTo(new { JsonPath = "$", Message = "$: the snapshot document is not valid." });
        new SnapshotFormatException("$: bad.").JsonPath.Should().Be("$");
        var withInner = new SnapshotFormatException("$: bad.", inner);
        withInner.JsonPath.Should().Be("$");
        withInner.InnerException.Should().BeSameAs(inner);
        new SnapshotFormatException("$.x", "bad.", 3, null).Message.Should().Be("$.x: bad. LineNumber: 3 | BytePositionInLine: 0.");
    }

    /// <summary>A memory stream that records the largest single write.</summary>
    private sealed class WriteRecordingStream : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }

    /// <summary>A stream that never looks at the token it is given, and cancels the read's token after its first read.</summary>
    private sealed class TokenIgnoringStream(byte[] data, int chunk, CancellationTokenSource cancelAfterFirstRead) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            cancelAfterFirstRead.Cancel();
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
