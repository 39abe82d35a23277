using System.Security.Cryptography;

namespace Moment.Application.Email;

/// <summary>A file kept by the attachment store: its key is its SHA-256 content hash, so the same file is kept once.</summary>
public sealed record StoredFile(string Key, string Sha256, long Length);

/// <summary>Where the bytes of attachments live; the database keeps only their name, type, size and key.</summary>
public interface IAttachmentStore
{
    Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The file under <paramref name="key"/>, or null when there is none.</summary>
    Stream? Open(string key);
}

/// <summary>
/// Files in a folder, named by their SHA-256 content hash (<c>sha256-&lt;hex&gt;</c>) in a sub-folder of its first two
/// digits. A file is written under a temporary name and moved into place, so a reader never sees half of one, and two
/// writers of the same content end with the same file.
/// </summary>
public sealed class FolderAttachmentStore(EmailSettings settings) : IAttachmentStore
{
    private const string Prefix = "sha256-";

    private readonly string _folder = settings.AttachmentFolder is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Moment", "attachments");

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var temporary = Path.Combine(_folder, $".{Guid.NewGuid():N}.tmp");
        string hash;
        long length;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                length = file.Length;
            }

            var path = PathOf(Prefix + hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
                File.Delete(temporary);
            else
                File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new StoredFile(Prefix + hash, hash, length);
    }

    public Stream? Open(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string key)
    {
        // The key comes from the database, but a path is built from it: only the store's own shape is accepted.
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length != Prefix.Length + 64 || !key[Prefix.Length..].All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not an attachment store key.", nameof(key));
        return Path.Combine(_folder, key.Substring(Prefix.Length, 2), key);
    }
}
