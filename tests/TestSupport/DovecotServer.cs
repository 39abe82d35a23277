using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Moment.TestSupport;

/// <summary>
/// A real IMAP server for a test: Debian's Dovecot (<c>dovecot-imapd</c>, which <c>./test.sh</c> installs when missing),
/// started on 127.0.0.1 and a free port with a throw-away mail directory and a password file of its own users, and
/// stopped (its process, by id) when disposed. The users' password is <see cref="Password"/>.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Password = "moment-test-imap";

    private const string Binary = "/usr/sbin/dovecot";

    private readonly DirectoryInfo _folder;
    private readonly Process _process;

    private DovecotServer(DirectoryInfo folder, Process process, int port)
    {
        _folder = folder;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts Dovecot with the given users (the part before <c>@</c> is the login), and waits until it answers.</summary>
    public static async Task<DovecotServer> StartAsync(params string[] users)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The IMAP tests run Debian's Dovecot.");
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: install Debian's dovecot-imapd (./test.sh does).");
        var folder = Directory.CreateTempSubdirectory("moment-dovecot-");
        // Dovecot's own processes run as other users (dovenull, dovecot, the mail user): they must reach the folder.
        File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var mail = Directory.CreateDirectory(Path.Combine(folder.FullName, "mail")).FullName;
        File.SetUnixFileMode(mail, (UnixFileMode)0x1FF);
        var run = Directory.CreateDirectory(Path.Combine(folder.FullName, "run")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "passwd"), users.Select(u => $"{LoginOf(u)}:{{PLAIN}}{Password}"));
        var port = FreePort();
        var (uid, gid) = await IdsAsync();
        // As root, mail is kept by 'nobody' (Dovecot never keeps mail as root); otherwise every process is the caller.
        var (mailUid, mailGid, processes) = uid == 0
            ? (65534, 65534, "")
            : (uid, gid, $"default_login_user = {Environment.UserName}\ndefault_internal_user = {Environment.UserName}\n");
        var config = Path.Combine(folder.FullName, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{run}}
            state_dir = {{run}}
            log_path = {{Path.Combine(folder.FullName, "dovecot.log")}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            mail_location = maildir:{{mail}}/%n
            {{processes}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%n {{Path.Combine(folder.FullName, "passwd")}}
            }
            userdb {
              driver = static
              args = uid={{mailUid}} gid={{mailGid}} home={{mail}}/%n
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", config]))
            ?? throw new InvalidOperationException("Dovecot did not start.");
        var server = new DovecotServer(folder, process, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Puts a message into a user's folder with a real IMAP client, as a mail server delivering it would.</summary>
    public async Task AppendAsync(string user, MimeMessage message, string folder = "INBOX")
    {
        using var client = await ConnectAsync(user);
        var into = string.Equals(folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(folder);
        await into.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages a user's folder holds (0 for a folder that does not exist).</summary>
    public async Task<int> CountAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        IMailFolder found;
        try
        {
            found = string.Equals(folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return 0;
        }

        await found.OpenAsync(FolderAccess.ReadOnly);
        var count = (await found.SearchAsync(SearchQuery.NotDeleted)).Count;
        await client.DisconnectAsync(true);
        return count;
    }

    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(LoginOf(user), Password);
        return client;
    }

    public static string LoginOf(string user) => user.Split('@')[0];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (until.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                var log = Path.Combine(_folder.FullName, "dovecot.log");
                throw new InvalidOperationException($"Dovecot did not listen on port {Port}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The caller's user and group ids, from the kernel's own status of this process.</summary>
    private static async Task<(int Uid, int Gid)> IdsAsync()
    {
        var lines = await File.ReadAllLinesAsync("/proc/self/status");
        static int First(string line) => int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (First(lines.First(l => l.StartsWith("Uid:", StringComparison.Ordinal))), First(lines.First(l => l.StartsWith("Gid:", StringComparison.Ordinal))));
    }
}
