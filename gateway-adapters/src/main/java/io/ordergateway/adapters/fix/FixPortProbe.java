package io.ordergateway.adapters.fix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Finds out, without blocking, whether the counterparty's port takes connections, before the engine is asked to
 * log on. Artio's engine leaves a failed outgoing connection registered with its selector, and after a few of them
 * (a counterparty down for a while) its next logon never completes; so the adapter only initiates once a plain TCP
 * connection succeeds, and closes that connection at once. Agent thread only.
 */
final class FixPortProbe
{
    /** What the probe found. */
    enum Result
    {
        /** Still connecting. */
        PENDING,
        /** The port took the connection. */
        OPEN,
        /** It refused or failed; {@link #failure()} says why. */
        CLOSED
    }

    private final InetSocketAddress address;
    private SocketChannel channel;
    private String failure;

    FixPortProbe(final String host, final int port)
    {
        this.address = new InetSocketAddress(host, port);
    }

    /** Starts a probe (closing one still running). */
    void start()
    {
        close();
        failure = null;
        try
        {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(address))
            {
                return;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = String.valueOf(ex.getMessage());
            close();
        }
    }

    /**
     * @return what the probe found so far.
     */
    Result poll()
    {
        if (channel == null)
        {
            return failure == null ? Result.OPEN : Result.CLOSED;
        }
        try
        {
            if (channel.isConnected() || channel.finishConnect())
            {
                close();
                return Result.OPEN;
            }
            return Result.PENDING;
        }
        catch (final IOException ex)
        {
            failure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            close();
            return Result.CLOSED;
        }
    }

    /**
     * @return why the last probe failed.
     */
    String failure()
    {
        return failure;
    }

    void close()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // closing a probe: nothing to do about it
            }
            channel = null;
        }
    }
}
