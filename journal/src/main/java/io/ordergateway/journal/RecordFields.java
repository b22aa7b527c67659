package io.ordergateway.journal;

import io.ordergateway.journal.sbe.OrderCancelDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The fields every journal record starts with (sequence, timestamp, order id), readable without
 * knowing the record's type: for filters.
 */
public final class RecordFields
{
    private RecordFields()
    {
    }

    /**
     * @param buffer the record's bytes.
     * @param offset start of its root block.
     * @return the ring sequence of the event.
     */
    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + OrderCancelDecoder.sequenceEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param buffer the record's bytes.
     * @param offset start of its root block.
     * @return the event time, epoch nanoseconds.
     */
    public static long timestamp(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + OrderCancelDecoder.timestampEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param buffer the record's bytes.
     * @param offset start of its root block.
     * @return the gateway's order id.
     */
    public static long orderId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + OrderCancelDecoder.orderIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
    }
}
