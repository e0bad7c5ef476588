using System.Buffers;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    // The buffer: the checked options, filling it from the stream, growing it within MaxDocumentBytes.
    private static SnapshotReadOptions Checked(SnapshotReadOptions? options)
    {
        options ??= new SnapshotReadOptions();
        options.ThrowIfInvalid();
        return options;
    }

    private static JsonReaderOptions ReaderOptions(SnapshotReadOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private void Fill()
    {
        if (!PrepareFill())
        {
            return;
        }

        while (!_endOfStream && _end < _buffer.Length)
        {
            Filled(_stream!.Read(_buffer, _end, _buffer.Length - _end));
        }
    }

    /// <summary>Makes room at the end of the buffer; returns false when the stream already ended (nothing to read).</summary>
    private bool PrepareFill()
    {
        if (_endOfStream)
        {
            // Run() reports truncation itself; reaching here means it asked for more after the end.
            throw new InvalidOperationException("The reader asked for more data after the end of the stream.");
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _options.MaxRecordBytes)
            {
                throw TooLarge();
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _options.MaxRecordBytes));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            if (_pooled)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
            _pooled = true;
        }

        return true;
    }

    /// <summary>The value that starts at the unconsumed data (after separators) is larger than <see cref="SnapshotReadOptions.MaxRecordBytes"/>.</summary>
    /// <param name="offset">Where the value starts, from <see cref="_start"/>; by default the first byte after separators.</param>
    private SnapshotFormatException TooLarge(int offset = -1)
    {
        if (offset < 0)
        {
            offset = Math.Max(_buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(Separators), 0);
        }

        var (line, column) = PositionAt(offset);
        return new(CurrentPath(), FormattableString.Invariant($"this value is larger than {_options.MaxRecordBytes} bytes (MaxRecordBytes); the reader holds at most one record in memory."), line, column);
    }

    private void Filled(int read)
    {
        if (read == 0)
        {
            _endOfStream = true;
            return;
        }

        _end += read;
        _totalBytes += read;
        if (_totalBytes > _options.MaxDocumentBytes)
        {
            throw new SnapshotFormatException("$", FormattableString.Invariant($"the document is longer than {_options.MaxDocumentBytes} bytes (MaxDocumentBytes)."), null, null);
        }
    }
}
