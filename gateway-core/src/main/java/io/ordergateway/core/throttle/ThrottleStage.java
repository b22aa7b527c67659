package io.ordergateway.core.throttle;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventType;
import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.RejectReason;

/**
 * Stage 2: token buckets per account, per strategy and per symbol, refilled from event time. An
 * order needs a token from each bucket that is on; it takes them only if all have one, so an order
 * denied by one bucket costs nothing in the others. Denied with {@link RejectReason#RATE_LIMITED},
 * which bucket, how many nanoseconds until its token is back, and its rate. Deny, never queue.
 * Buckets are made the first time a key is seen; after that the stage allocates nothing.
 */
public final class ThrottleStage implements EventHandler<GatewayEvent>
{
    private BucketSet accounts;
    private BucketSet strategies;
    private BucketSet symbols;

    /**
     * @param accounts   buckets per account.
     * @param strategies buckets per strategy.
     * @param symbols    buckets per symbol.
     */
    public ThrottleStage(final BucketSet accounts, final BucketSet strategies, final BucketSet symbols)
    {
        this.accounts = accounts;
        this.strategies = strategies;
        this.symbols = symbols;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        if (e.type == EventType.SETTINGS)
        {
            final io.ordergateway.core.settings.RuntimeSettings s =
                (io.ordergateway.core.settings.RuntimeSettings)e.attachment;
            accounts = new BucketSet(s.accountRate(), s.accountBurst()); // new limits start with full buckets
            strategies = new BucketSet(s.strategyRate(), s.strategyBurst());
            symbols = new BucketSet(s.symbolRate(), s.symbolBurst());
            return;
        }
        if (e.type != EventType.NEW_ORDER || e.isDenied())
        {
            return;
        }
        final long now = e.timestamp;
        final TokenBucket account = accounts.enabled() ? accounts.bucket(e.accountId, now) : null;
        final TokenBucket strategy = strategies.enabled() ? strategies.bucket(e.strategyId, now) : null;
        final TokenBucket symbol = symbols.enabled() ? symbols.bucket(e.symbolId, now) : null;
        if (!available(e, account, now, DetailField.RATE, accounts)
            || !available(e, strategy, now, DetailField.STRATEGY_RATE, strategies)
            || !available(e, symbol, now, DetailField.SYMBOL_RATE, symbols))
        {
            return;
        }
        if (account != null)
        {
            account.take(now);
        }
        if (strategy != null)
        {
            strategy.take(now);
        }
        if (symbol != null)
        {
            symbol.take(now);
        }
    }

    private static boolean available(
        final GatewayEvent e, final TokenBucket bucket, final long now, final DetailField field, final BucketSet set)
    {
        if (bucket == null)
        {
            return true;
        }
        final long wait = bucket.waitNanos(now);
        if (wait != 0)
        {
            e.deny(RejectReason.RATE_LIMITED, field, wait, set.ratePerSecond());
            return false;
        }
        return true;
    }
}
