package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.throttle.TokenBucket;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Stage 2: one token bucket per account, refilled from event time. An order that finds the bucket
 * empty is denied with {@link RejectReason#RATE_LIMITED} and how many nanoseconds until a token is
 * back (deny, never queue). Buckets are created the first time an account is seen; after that the
 * stage allocates nothing.
 */
public final class ThrottleStage implements EventHandler<GatewayEvent>
{
    private final long ratePerSecond;
    private final long burst;
    private final Int2ObjectHashMap<TokenBucket> byAccount = new Int2ObjectHashMap<>();

    /**
     * @param ratePerSecond orders per second per account; 0 turns throttling off.
     * @param burst         orders an account may send at once.
     */
    public ThrottleStage(final long ratePerSecond, final long burst)
    {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        if (ratePerSecond != 0)
        {
            new TokenBucket(ratePerSecond, burst); // validates the settings at build time
        }
    }

    @Override
    public void onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch)
    {
        if (ratePerSecond == 0 || event.type != EventType.NEW_ORDER || event.isDenied())
        {
            return;
        }
        TokenBucket bucket = byAccount.get(event.accountId);
        if (bucket == null)
        {
            bucket = new TokenBucket(ratePerSecond, burst);
            byAccount.put(event.accountId, bucket);
        }
        final long waitNanos = bucket.tryAcquire(event.timestamp);
        if (waitNanos != 0)
        {
            event.deny(RejectReason.RATE_LIMITED, DetailField.RATE, waitNanos, ratePerSecond);
        }
    }
}
