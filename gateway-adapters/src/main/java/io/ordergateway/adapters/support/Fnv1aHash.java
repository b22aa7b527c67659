package io.ordergateway.adapters.support;

/**
 * The 64-bit FNV-1a hash of a broker's text id (an execution id, an order id), for the longs the gateway journals:
 * the same id always gives the same long. Allocates nothing.
 */
public final class Fnv1aHash
{
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fnv1aHash()
    {
    }

    /**
     * @param id the id.
     * @return its hash.
     */
    public static long of(final CharSequence id)
    {
        long h = OFFSET_BASIS;
        for (int i = 0; i < id.length(); i++)
        {
            h ^= id.charAt(i);
            h *= PRIME;
        }
        return h;
    }

    /**
     * @param chars  the id's characters (a codec's array).
     * @param length how many of them are the id.
     * @return its hash, the same as {@link #of(CharSequence)} of those characters.
     */
    public static long of(final char[] chars, final int length)
    {
        long h = OFFSET_BASIS;
        for (int i = 0; i < length; i++)
        {
            h ^= chars[i];
            h *= PRIME;
        }
        return h;
    }
}
