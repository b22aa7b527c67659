package io.ordergateway.core.throttle;

import org.agrona.collections.Int2ObjectHashMap;

/**
 * One {@link TokenBucket} per key (account, strategy or symbol), all with the same rate and burst,
 * made the first time a key is seen. Single writer.
 */
public final class BucketSet
{
    private final long ratePerSecond;
    private final long burst;
    private final Int2ObjectHashMap<TokenBucket> buckets = new Int2ObjectHashMap<>();

    /**
     * @param ratePerSecond tokens per second per key; 0 turns the set off.
     * @param burst         the most tokens a bucket holds.
     * @throws IllegalArgumentException if the rate or burst cannot make a bucket.
     */
    public BucketSet(final long ratePerSecond, final long burst)
    {
        if (ratePerSecond != 0)
        {
            new TokenBucket(ratePerSecond, burst); // validates now rather than on the first order
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /**
     * @return true if throttling by this key is on.
     */
    public boolean enabled()
    {
        return ratePerSecond != 0;
    }

    /**
     * @return tokens per second per key.
     */
    public long ratePerSecond()
    {
        return ratePerSecond;
    }

    /**
     * @param key      the key.
     * @param nowNanos the event's time.
     * @return the key's bucket (made on first use).
     */
    public TokenBucket bucket(final int key, final long nowNanos)
    {
        TokenBucket bucket = buckets.get(key);
        if (bucket == null)
        {
            bucket = new TokenBucket(ratePerSecond, burst);
            buckets.put(key, bucket);
        }
        return bucket;
    }
}
