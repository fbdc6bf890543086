using System.Net;
using System.Net.Sockets;

namespace QuantCluster.Grains.Hosting;

/// <summary>A loopback port nothing listens on now, so that several embedded clusters on one machine never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
