package io.ordergateway.adapters.fix;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The orders the adapter tracks, by the gateway's order id, from pooled {@link FixOrder}s: an order is tracked from
 * its send (or its first report after a restart) until it finishes. Agent thread only.
 */
final class FixOrders
{
    private final Long2ObjectHashMap<FixOrder> byId = new Long2ObjectHashMap<>(1024, 0.65f);
    private final ArrayDeque<FixOrder> pool = new ArrayDeque<>();

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
        if (byId.remove(o.orderId) != null)
        {
            pool.push(o);
        }
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
