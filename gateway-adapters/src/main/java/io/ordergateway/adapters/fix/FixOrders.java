package io.ordergateway.adapters.fix;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The orders the adapter tracks, by the gateway's order id, from pooled {@link FixOrder}s: an order is tracked from
 * its send (or its first report after a restart), and for the last {@value #KEPT_FINISHED} finished orders after it
 * finishes, so a late or resent report of a finished order is recognised (and ignored), and a status question about
 * it still carries its symbol and side. Agent thread only.
 */
final class FixOrders
{
    static final int KEPT_FINISHED = 1 << 16;

    private final Long2ObjectHashMap<FixOrder> byId = new Long2ObjectHashMap<>(1024, 0.65f);
    private final ArrayDeque<FixOrder> pool = new ArrayDeque<>();
    private final long[] finishedIds = new long[KEPT_FINISHED];
    private long finishedCount;

    FixOrder get(final long orderId)
    {
        return byId.get(orderId);
    }

    FixOrder track(final long orderId)
    {
        FixOrder o = byId.get(orderId);
        if (o == null)
        {
            o = pool.isEmpty() ? new FixOrder() : pool.poll();
            o.reset(orderId);
            byId.put(orderId, o);
        }
        return o;
    }

    void finished(final FixOrder o)
    {
        o.done = true;
        final int slot = (int)(finishedCount++ & (KEPT_FINISHED - 1));
        if (finishedCount > KEPT_FINISHED)
        {
            final FixOrder oldest = byId.get(finishedIds[slot]);
            if (oldest != null && oldest.done)
            {
                byId.remove(oldest.orderId);
                pool.push(oldest);
            }
        }
        finishedIds[slot] = o.orderId;
    }

    void forEachWorking(final Consumer<FixOrder> action)
    {
        for (final FixOrder o : byId.values())
        {
            if (!o.done)
            {
                action.accept(o);
            }
        }
    }

    int size()
    {
        return byId.size();
    }
}
