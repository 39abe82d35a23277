using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Moment.Web.Features.Email;

/// <summary>
/// The listener's sockets with Nagle's algorithm off. SmtpServer's own listener leaves it on, and an SMTP exchange is
/// small writes that wait for each other's answers: a reply held back until the sender's delayed acknowledgement
/// arrived (about 40 ms on Linux) made every message on a connection take at least that long, whatever the work
/// (the email benchmark: 19 messages/s on one connection, p50 52 ms). Otherwise what SmtpServer's listener does:
/// one accepted connection per session, TLS when the endpoint or STARTTLS asks for it.
/// </summary>
internal sealed class PromptEndpoints(Action started) : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        started();
        return new Listener(listener, endpointDefinition);
    }

    private sealed class Listener(TcpListener listener, IEndpointDefinition endpoint) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = socket.LocalEndPoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint;
            var pipe = new Pipe(new NetworkStream(socket, ownsSocket: true));
            if (endpoint.IsSecure)
                await pipe.UpgradeAsync(endpoint.CertificateFactory.GetServerCertificate(context), endpoint.SupportedSslProtocols, cancellationToken);
            return pipe;
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe(Stream stream) : ISecurableDuplexPipe
    {
        private Stream _stream = stream;

        public PipeReader Input { get; private set; } = PipeReader.Create(stream);

        public PipeWriter Output { get; private set; } = PipeWriter.Create(stream);

        public bool IsSecure { get; private set; }

        public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            var secure = new SslStream(_stream, leaveInnerStreamOpen: false);
            await secure.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = protocols,
                ClientCertificateRequired = false,
            }, cancellationToken);
            _stream = secure;
            Input = PipeReader.Create(secure);
            Output = PipeWriter.Create(secure);
            IsSecure = true;
        }

        public void Dispose() => _stream.Dispose();
    }
}
