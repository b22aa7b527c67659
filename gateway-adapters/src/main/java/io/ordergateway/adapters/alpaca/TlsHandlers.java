package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The TLS handler of every connection the adapter opens (REST and stream): the certificate must
 * chain to a trusted root (the context's trust store) and name the host dialled.
 */
final class TlsHandlers
{
    private TlsHandlers()
    {
    }

    /**
     * @param ssl   the client context.
     * @param alloc the channel's allocator.
     * @param host  the host dialled (checked against the certificate).
     * @param port  the port (for session resumption).
     * @return the handler to put first in the pipeline.
     */
    static SslHandler verifyingHost(final SslContext ssl, final ByteBufAllocator alloc, final String host,
        final int port)
    {
        final SslHandler handler = ssl.newHandler(alloc, host, port);
        final SSLEngine engine = handler.engine();
        final SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(params);
        return handler;
    }
}
