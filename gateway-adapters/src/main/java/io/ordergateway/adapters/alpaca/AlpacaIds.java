package io.ordergateway.adapters.alpaca;

/**
 * Turns Alpaca's UUID strings (order ids, execution ids) into the longs the gateway journals as
 * broker order ids and fill ids: the two halves of the UUID xor-ed, so the same id always gives the
 * same long. Anything that is not a UUID is hashed (64-bit FNV-1a).
 */
public final class AlpacaIds
{
    private AlpacaIds()
    {
    }

    /**
     * @param id a UUID such as {@code 904837e3-3b76-47ec-b432-046db621571b}.
     * @return its key.
     */
    public static long key(final CharSequence id)
    {
        if (id.length() == 36)
        {
            long hi = 0;
            long lo = 0;
            int digits = 0;
            for (int i = 0; i < 36; i++)
            {
                final char c = id.charAt(i);
                if (c == '-')
                {
                    continue;
                }
                final int v = Character.digit(c, 16);
                if (v < 0)
                {
                    return io.ordergateway.adapters.support.Fnv1aHash.of(id);
                }
                if (digits < 16)
                {
                    hi = hi << 4 | v;
                }
                else
                {
                    lo = lo << 4 | v;
                }
                digits++;
            }
            if (digits == 32)
            {
                return hi ^ lo;
            }
        }
        return io.ordergateway.adapters.support.Fnv1aHash.of(id);
    }

}
