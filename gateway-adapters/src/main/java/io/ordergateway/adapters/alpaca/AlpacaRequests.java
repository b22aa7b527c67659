package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/**
 * Writes whole HTTP/1.1 requests into one buffer: request line, the headers every call carries
 * (host, both credential headers, keep-alive), then the body, with the content length filled in
 * afterwards. Nothing is allocated per request: the fixed headers are encoded once.
 *
 * <p>The credential headers exist only inside these bytes and the buffers written from them; do not
 * log a request buffer.
 */
public final class AlpacaRequests
{
    private static final byte[] HTTP_1_1 = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = "Content-Type: application/json\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH_DIGITS = 8;

    private final byte[] fixedHeaders;

    /**
     * @param hostHeader the Host header's value (host, and port when not the default).
     * @param keyId      the API key id.
     * @param secretKey  the API secret.
     */
    public AlpacaRequests(final String hostHeader, final String keyId, final String secretKey)
    {
        this.fixedHeaders = ("Host: " + hostHeader + "\r\nAPCA-API-KEY-ID: " + keyId + "\r\nAPCA-API-SECRET-KEY: "
            + secretKey + "\r\nAccept: application/json\r\nConnection: keep-alive\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes a request with no body.
     *
     * @param out    the buffer.
     * @param method such as {@code GET}.
     * @param path   path and query, already encoded.
     */
    public void writeBodiless(final ByteBuf out, final String method, final CharSequence path)
    {
        line(out, method, path);
        out.writeBytes(fixedHeaders);
        out.writeBytes(CONTENT_LENGTH);
        out.writeByte(' ');
        out.writeByte('0');
        out.writeByte('\r').writeByte('\n').writeByte('\r').writeByte('\n');
    }

    /**
     * Allocates a buffer and writes a request with no body into it.
     *
     * @param alloc  where the buffer comes from.
     * @param method such as {@code GET}.
     * @param path   path and query, already encoded.
     * @return the request bytes (the caller owns the buffer).
     */
    public ByteBuf bodiless(final ByteBufAllocator alloc, final String method, final CharSequence path)
    {
        final ByteBuf out = alloc.buffer(256);
        writeBodiless(out, method, path);
        return out;
    }

    /**
     * Starts a request with a JSON body; write the body next, then call {@link #endBody}.
     *
     * @param out    the buffer.
     * @param method such as {@code POST}.
     * @param path   path, already encoded.
     * @return where the length digits go, for {@link #endBody}.
     */
    public int beginBody(final ByteBuf out, final String method, final CharSequence path)
    {
        line(out, method, path);
        out.writeBytes(fixedHeaders);
        out.writeBytes(JSON);
        out.writeBytes(CONTENT_LENGTH);
        final int lengthAt = out.writerIndex();
        // filled in by endBody: spaces then digits (leading whitespace is allowed in a header value)
        out.writeZero(LENGTH_DIGITS);
        out.writeByte('\r').writeByte('\n').writeByte('\r').writeByte('\n');
        return lengthAt;
    }

    /**
     * Fills in the content length of the body written since {@link #beginBody}.
     *
     * @param out      the buffer.
     * @param lengthAt what {@link #beginBody} returned.
     */
    public static void endBody(final ByteBuf out, final int lengthAt)
    {
        int length = out.writerIndex() - (lengthAt + LENGTH_DIGITS + 4);
        for (int i = LENGTH_DIGITS - 1; i >= 0; i--)
        {
            out.setByte(lengthAt + i, i == LENGTH_DIGITS - 1 || length > 0 ? '0' + length % 10 : ' ');
            length /= 10;
        }
    }

    private static void line(final ByteBuf out, final String method, final CharSequence path)
    {
        out.writeCharSequence(method, StandardCharsets.US_ASCII);
        out.writeByte(' ');
        out.writeCharSequence(path, StandardCharsets.US_ASCII);
        out.writeBytes(HTTP_1_1);
    }
}
