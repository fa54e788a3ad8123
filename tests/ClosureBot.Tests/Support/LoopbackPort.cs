using System.Net;
using System.Net.Sockets;

namespace ClosureBot.Tests.Support;

/// <summary>
/// A free 127.0.0.1 port for a server a test starts in another process, which binds it a moment later. The port is
/// chosen below the kernel's ephemeral range (32768-60999 on Linux): a port from that range, released after the check,
/// can be handed to any outgoing connection or any <c>bind(0)</c> before the server binds it, and the server then fails
/// to start. Below the range only another test picking the same port at random can take it.
/// </summary>
public static class LoopbackPort
{
    private const int First = 20000;
    private const int Last = 32767;

    public static int Free()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }
        throw new InvalidOperationException($"No free 127.0.0.1 port between {First} and {Last} after 200 tries.");
    }
}
