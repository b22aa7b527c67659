package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * Reads Alpaca's REST answers into views reused by every part of the adapter: an order (with a
 * warning logged when it cannot be read) or an error body. Loop thread only; a view read here is
 * valid until the next read.
 */
final class AlpacaAnswers
{
    /** The JSON reader (also for lists, positions and the flat answers of the Alpaca-only calls). */
    final AlpacaJsonReader reader = new AlpacaJsonReader();
    /** The order last read. */
    final AlpacaOrderView view = new AlpacaOrderView();
    /** The error last read. */
    final AlpacaJsonReader.ErrorBody error = new AlpacaJsonReader.ErrorBody();
    private final String name;

    /**
     * @param name the adapter's name, for logs.
     */
    AlpacaAnswers(final String name)
    {
        this.name = name;
    }

    /**
     * Reads an Order object into {@link #view}.
     *
     * @param body the answer's body.
     * @return true if it is an order with an id and a status.
     */
    boolean readOrder(final ByteBuf body)
    {
        try
        {
            reader.readOrder(body, view);
            return view.id != null && view.status != null;
        }
        catch (final IOException | RuntimeException ex)
        {
            AlpacaBroker.LOG.warn("alpaca {}: unreadable order in an answer ({})", name, ex.getMessage());
            return false;
        }
    }

    /**
     * Reads an error body into {@link #error} (tolerant of anything).
     *
     * @param body the answer's body.
     * @return {@link #error}.
     */
    AlpacaJsonReader.ErrorBody readError(final ByteBuf body)
    {
        reader.readError(body, error);
        return error;
    }
}
