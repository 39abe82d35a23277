using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>A file to put on a case: its name as the person's device gave it, its bytes, and what it shows (optional).</summary>
public sealed record AttachFileRequest(string? FileName, Stream Content, string? Comment, int? ExpectedVersion);

/// <summary>A file put on a case, as the timeline and the API show it.</summary>
public sealed record CaseFileView(Guid Id, string FileName, string ContentType, long Length);

/// <summary>A case's file to download.</summary>
public sealed record CaseFileContent(string FileName, string ContentType, long Length, Stream Content);

/// <summary>
/// Staff put files on a case (a photo of the fault, a PDF) and open them. A file is accepted by what its content is
/// (<see cref="CaseFileTypes"/>), never by the type the browser claims, and up to <see cref="MaxBytes"/>. The bytes are
/// kept in the attachment store first (by their content hash, so a file put twice is kept once); the case's entry is
/// saved after, so a refusal or a stale case leaves at most an unreferenced file in the store, never an entry without one.
/// </summary>
public sealed class CaseFiles(CaseWork work, AppDbContext db, IAttachmentStore store)
{
    /// <summary>The largest file accepted: a phone's photo or a scanned PDF, not a video.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public async Task<CaseFileView> AttachAsync(string number, AttachFileRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CaseRules.RequireWork(actor);
        var name = CaseFileTypes.SafeName(request.FileName);
        if (name.Length == 0)
            throw new DomainRuleException("Choose a file.", "File");
        if (request.Content.CanSeek && request.Content.Length - request.Content.Position > MaxBytes)
            throw new DomainRuleException("The file is larger than {0} MB.", "File", MaxBytes / (1024 * 1024));
        var head = new byte[CaseFileTypes.HeadLength];
        var read = await request.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
            throw new DomainRuleException("The file is empty.", "File");
        var type = CaseFileTypes.Of(name, head.AsSpan(0, read))
            ?? throw new DomainRuleException("A file of this kind cannot be put on a case. Accepted: {0}.", "File", CaseFileTypes.Accepted);

        // The head already read goes first; the rest is read from the request as it is stored, stopping past the limit
        // (a stream of unknown length that runs over leaves that part in the store, referenced by nothing).
        await using var limited = new LimitedStream(new ConcatenatedStream(head.AsMemory(0, read), request.Content), MaxBytes);
        var stored = await store.SaveAsync(limited, cancellationToken);
        if (limited.Exceeded)
            throw new DomainRuleException("The file is larger than {0} MB.", "File", MaxBytes / (1024 * 1024));

        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        var file = @case.AttachFile(actor.Id, name, type, stored.Length, stored.Sha256, stored.Key, request.Comment, work.Now);
        db.CaseFiles.Add(file);
        await work.SaveAsync(cancellationToken);
        return new CaseFileView(file.Id, file.FileName, file.ContentType, file.Length);
    }

    /// <summary>A file of the case, for anyone who works cases (as the case itself); a file of another case is not found.</summary>
    public async Task<CaseFileContent> OpenAsync(string number, Guid fileId, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var normalized = CaseNumbers.Normalize(number);
        var file = await db.CaseFiles.AsNoTracking()
            .Where(f => f.Id == fileId && db.Cases.Any(c => c.Id == f.CaseId && c.Number == normalized))
            .Select(f => new { f.FileName, f.ContentType, f.Length, f.StorageKey }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Case {0} has no such file.", number);
        var content = store.Open(file.StorageKey) ?? throw new NotFoundException("Case {0} has no such file.", number);
        return new CaseFileContent(file.FileName, file.ContentType, file.Length, content);
    }

    /// <summary>The files the entries of a timeline name, by id.</summary>
    internal static async Task<Dictionary<Guid, CaseFileView>> OfAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.CaseFiles.AsNoTracking().Where(f => ids.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => new CaseFileView(f.Id, f.FileName, f.ContentType, f.Length), cancellationToken);

    /// <summary>The bytes already read, then the rest of the stream.</summary>
    private sealed class ConcatenatedStream(ReadOnlyMemory<byte> first, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _first = first;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_first.IsEmpty)
                return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _first.Length);
            _first.Span[..n].CopyTo(buffer);
            _first = _first[n..];
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_first.IsEmpty)
                return await rest.ReadAsync(buffer, cancellationToken);
            var n = Math.Min(buffer.Length, _first.Length);
            _first.Span[..n].CopyTo(buffer.Span);
            _first = _first[n..];
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Reads at most one byte past <paramref name="limit"/>, then ends: a file too large is not read to its end.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded => _read > limit;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(Exceeded ? 0 : inner.Read(buffer, offset, Allowed(count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(Exceeded ? 0 : await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Allowed(int count) => (int)Math.Min(count, limit + 1 - _read);

        private int Count(int read)
        {
            _read += read;
            return read;
        }
    }
}
