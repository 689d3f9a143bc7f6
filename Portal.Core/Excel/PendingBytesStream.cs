namespace Portal.Core.Excel;

/// <summary>
/// The zip and XML writers only write synchronously, and an HTTP response body must not be
/// written synchronously (Kestrel throws). So they write here, into memory, and the workbook
/// writer moves the bytes to the real output asynchronously every few tens of kilobytes.
/// Non-seekable on purpose: the zip writer then streams each part with a data descriptor
/// instead of seeking back to patch sizes.
/// </summary>
internal sealed class PendingBytesStream : Stream
{
    // A single enormous row can grow the buffer; do not keep that memory for the rest of the export.
    private const int KeepCapacityUpTo = 1024 * 1024;

    private MemoryStream _buffer = new();

    public long PendingBytes => _buffer.Length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public async Task DrainToAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken).ConfigureAwait(false);
        if (_buffer.Capacity > KeepCapacityUpTo)
        {
            _buffer = new MemoryStream();
        }
        else
        {
            _buffer.SetLength(0);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

    public override void WriteByte(byte value) => _buffer.WriteByte(value);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
        // Nothing to do: the bytes leave only through DrainToAsync.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
