package io.ordergateway.core.state;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The gateway's orders by order id, owned by one thread (the state stage's).
 *
 * <p>Records come from a pool, so steady-state trading allocates nothing. A finished order stays
 * findable (late fills and cancels of it are recognised as such) until {@code retainFinished} more
 * orders have finished after it; then its record goes back to the pool.
 */
public final class OrderBook
{
    private final Long2ObjectHashMap<OrderRecord> orders;
    private final ArrayDeque<OrderRecord> pool;
    private final long[] finished;
    private long finishedCount;
    private int open;

    /**
     * @param expectedOrders orders expected to be held at once (open plus retained finished); sizes the pool and map.
     * @param retainFinished how many finished orders stay findable.
     */
    public OrderBook(final int expectedOrders, final int retainFinished)
    {
        if (retainFinished < 1)
        {
            throw new IllegalArgumentException("retainFinished must be at least 1");
        }
        final int capacity = Math.max(16, expectedOrders + retainFinished);
        orders = new Long2ObjectHashMap<>(capacity * 2, 0.65f);
        pool = new ArrayDeque<>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            pool.add(new OrderRecord());
        }
        finished = new long[retainFinished];
    }

    /**
     * Takes a fresh record for a new order and files it under its id.
     *
     * @param orderId the new order's id; must not be in the book.
     * @return the record, reset, with its order id set.
     */
    public OrderRecord create(final long orderId)
    {
        OrderRecord record = pool.pollFirst();
        if (record == null)
        {
            record = new OrderRecord(); // more live orders than ever before: grow
        }
        record.reset();
        record.orderId = orderId;
        orders.put(orderId, record);
        open++;
        return record;
    }

    /**
     * @param orderId an order id.
     * @return the order, or null if the book does not hold it (never seen, or finished long ago).
     */
    public OrderRecord get(final long orderId)
    {
        return orders.get(orderId);
    }

    /**
     * Tells the book an order reached a terminal state, so it can retire old finished orders.
     *
     * @param record the order that just finished.
     */
    public void finished(final OrderRecord record)
    {
        open--;
        final int slot = (int)(finishedCount % finished.length);
        if (finishedCount >= finished.length)
        {
            final OrderRecord retired = orders.remove(finished[slot]);
            if (retired != null)
            {
                pool.addLast(retired);
            }
        }
        finished[slot] = record.orderId;
        finishedCount++;
    }

    /**
     * @return how many orders are not finished.
     */
    public int openCount()
    {
        return open;
    }

    /**
     * Visits every order held (open and retained finished). Not for the hot path.
     *
     * @param visitor receives each record.
     */
    public void forEach(final Consumer<OrderRecord> visitor)
    {
        orders.values().forEach(visitor);
    }
}
