using System.Net;
using System.Net.Sockets;

namespace QuantCluster.Tests.Shared.Postgres;

/// <summary>A localhost port with nothing listening: one the system just handed out and that was closed again.</summary>
internal static class ClosedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
