using System.Text;

namespace Bilansoft.Formats.Tests.Banking;

/// <summary>
/// Read-only stream that encodes lines only when they are read, so a test can feed a reader a
/// large file without holding it in memory. It cannot seek, like an upload or blob download.
/// </summary>
internal sealed class LineStream(IEnumerable<string> lines, Encoding encoding, string lineEnd = "\r\n") : Stream
{
    private readonly IEnumerator<string> _lines = lines.GetEnumerator();
    private byte[] _pending = [];
    private int _offset;

    public long BytesRead { get; private set; }

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
        var written = 0;
        while (written < count)
        {
            if (_offset == _pending.Length)
            {
                if (!_lines.MoveNext())
                {
                    break;
                }

                _pending = encoding.GetBytes(_lines.Current + lineEnd);
                _offset = 0;
            }

            var chunk = Math.Min(count - written, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset + written, chunk);
            _offset += chunk;
            written += chunk;
        }

        BytesRead += written;
        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }

        base.Dispose(disposing);
    }
}
