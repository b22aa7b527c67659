package io.ordergateway.adapters.fix;

import io.ordergateway.core.domain.ClientOrderIds;

/**
 * The ClOrdIDs the adapter sends: the gateway's client order id for a new order ({@code gw1-1042}), and that id
 * with the request's number for each cancel or replace ({@code gw1-1042:3}), since FIX wants a new ClOrdID for every
 * request. Formats into, and parses from, the codecs' character arrays without allocating. Agent thread only.
 */
final class FixClOrdIds
{
    private final ClientOrderIds ids;
    private final byte[] bytes = new byte[ClientOrderIds.MAX_LENGTH + 12];
    private final CharView view = new CharView();
    private int parsedRequest;

    FixClOrdIds(final ClientOrderIds ids)
    {
        this.ids = ids;
    }

    /**
     * @param orderId the gateway's order id.
     * @param request 0 for the order itself, else the request's number.
     * @return the length written to {@link #bytes()}.
     */
    int format(final long orderId, final int request)
    {
        int length = ids.format(orderId, bytes, 0);
        if (request > 0)
        {
            bytes[length++] = ':';
            int digits = 1;
            for (int v = request / 10; v != 0; v /= 10)
            {
                digits++;
            }
            int v = request;
            for (int i = length + digits - 1; i >= length; i--)
            {
                bytes[i] = (byte)('0' + v % 10);
                v /= 10;
            }
            length += digits;
        }
        return length;
    }

    /**
     * @return the bytes of the last {@link #format}.
     */
    byte[] bytes()
    {
        return bytes;
    }

    /**
     * Reads a ClOrdID back; {@link #parsedRequest()} then tells its request number.
     *
     * @param chars  the codec's characters.
     * @param length how many are the id.
     * @return the gateway's order id, or -1 when it is not one of this gateway's.
     */
    long parse(final char[] chars, final int length)
    {
        int end = length;
        int request = 0;
        for (int i = 0; i < length; i++)
        {
            if (chars[i] == ':')
            {
                end = i;
                int value = 0;
                for (int j = i + 1; j < length; j++)
                {
                    final char c = chars[j];
                    if (c < '0' || c > '9' || value > 100_000_000)
                    {
                        return -1;
                    }
                    value = value * 10 + (c - '0');
                }
                request = value;
                break;
            }
        }
        parsedRequest = request;
        return ids.parse(view.wrap(chars, end));
    }

    /**
     * @return the request number of the last {@link #parse}.
     */
    int parsedRequest()
    {
        return parsedRequest;
    }

    /** A reusable view of part of a character array. */
    private static final class CharView implements CharSequence
    {
        private char[] chars;
        private int length;

        CharView wrap(final char[] c, final int l)
        {
            chars = c;
            length = l;
            return this;
        }

        @Override
        public int length()
        {
            return length;
        }

        @Override
        public char charAt(final int index)
        {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString()
        {
            return new String(chars, 0, length);
        }
    }
}
