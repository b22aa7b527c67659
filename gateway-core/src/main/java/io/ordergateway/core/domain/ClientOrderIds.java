package io.ordergateway.core.domain;

import java.nio.charset.StandardCharsets;

/**
 * The client order ids the gateway gives brokers: {@code <instance>-<orderId>}, e.g. {@code gw1-1042}.
 * The instance id names the gateway instance; the order id is its sequence, restored from the
 * journal on restart, so ids are unique across restarts. At most 48 characters, so every broker
 * (Alpaca's limit is 48) takes them. Formatting writes ASCII into a caller's array without
 * allocating; parsing reads one back.
 */
public final class ClientOrderIds
{
    /** The longest client order id any broker must accept. */
    public static final int MAX_LENGTH = 48;
    /** The longest instance id: leaves room for '-' and 19 digits. */
    public static final int MAX_INSTANCE_LENGTH = MAX_LENGTH - 20;

    private final String instanceId;
    private final byte[] prefix;

    /**
     * @param instanceId letters, digits, '_' or '.', 1 to 28 characters.
     * @throws IllegalArgumentException if the instance id is unusable.
     */
    public ClientOrderIds(final String instanceId)
    {
        if (instanceId == null || instanceId.isEmpty() || instanceId.length() > MAX_INSTANCE_LENGTH)
        {
            throw new IllegalArgumentException("instance id must be 1 to " + MAX_INSTANCE_LENGTH + " characters, was '"
                + instanceId + "'");
        }
        for (int i = 0; i < instanceId.length(); i++)
        {
            final char c = instanceId.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '.')
            {
                throw new IllegalArgumentException("instance id '" + instanceId
                    + "' may hold only ASCII letters, digits, '_' and '.'");
            }
        }
        this.instanceId = instanceId;
        this.prefix = (instanceId + "-").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @return the instance id.
     */
    public String instanceId()
    {
        return instanceId;
    }

    /**
     * Writes the client order id of an order as ASCII.
     *
     * @param orderId the gateway's order id, not negative.
     * @param dst     at least {@link #MAX_LENGTH} bytes from {@code offset}.
     * @param offset  where to start.
     * @return how many bytes were written.
     */
    public int format(final long orderId, final byte[] dst, final int offset)
    {
        System.arraycopy(prefix, 0, dst, offset, prefix.length);
        int digits = 1;
        for (long v = orderId / 10; v != 0; v /= 10)
        {
            digits++;
        }
        long v = orderId;
        final int end = offset + prefix.length + digits;
        for (int i = end - 1; i >= offset + prefix.length; i--)
        {
            dst[i] = (byte)('0' + (v % 10));
            v /= 10;
        }
        return end - offset;
    }

    /**
     * @param orderId the gateway's order id.
     * @return the client order id as a String (allocates: for tools and adapters' slow paths).
     */
    public String toString(final long orderId)
    {
        return instanceId + "-" + orderId;
    }

    /**
     * Reads the order id back out of a client order id of this instance.
     *
     * @param clientOrderId the id as the broker echoed it.
     * @return the order id, or -1 when it is not one of this instance's ids.
     */
    public long parse(final CharSequence clientOrderId)
    {
        final int length = clientOrderId.length();
        if (length <= prefix.length || length > MAX_LENGTH)
        {
            return -1;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (clientOrderId.charAt(i) != prefix[i])
            {
                return -1;
            }
        }
        long value = 0;
        for (int i = prefix.length; i < length; i++)
        {
            final char c = clientOrderId.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - (c - '0')) / 10)
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
