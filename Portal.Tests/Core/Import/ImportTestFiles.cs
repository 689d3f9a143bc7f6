using System.Text;
using Portal.Core.Excel;
using Portal.Core.Import;

namespace Portal.Tests.Core.Import;

/// <summary>Uploads as the web layer would hand them over: a name, a declared length and a stream.</summary>
internal static class ImportTestFiles
{
    public static ImportFile Csv(string content, string fileName = "cases.csv") =>
        Bytes(Encoding.UTF8.GetBytes(content), fileName);

    public static ImportFile Bytes(byte[] bytes, string fileName) =>
        new(fileName, bytes.Length, new NonSeekableReadStream(bytes));

    public static async Task<ImportFile> XlsxAsync<T>(ExcelSheet<T> sheet, IEnumerable<T> rows, string fileName = "cases.xlsx")
    {
        var output = new MemoryStream();
        await using (var workbook = new ExcelWorkbookWriter(output))
        {
            await workbook.AddSheetAsync(sheet, rows);
            await workbook.CompleteAsync();
        }

        return Bytes(output.ToArray(), fileName);
    }

    /// <summary>Like a browser upload stream: read-only, forward-only.</summary>
    private sealed class NonSeekableReadStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A stream that fails the test if anything reads it.</summary>
internal sealed class UnreadableStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The stream should not have been read.");

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The stream should not have been read.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>An endless stream of CSV rows, to test that the size limit holds whatever the declared length.</summary>
internal sealed class EndlessCsvStream : Stream
{
    private static readonly byte[] Line = Encoding.ASCII.GetBytes("C-1,31/03/2026,North,1,1,Yes,padding padding padding padding\n");
    private long _position;

    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            buffer[offset + i] = Line[(int)(_position++ % Line.Length)];
        }

        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
