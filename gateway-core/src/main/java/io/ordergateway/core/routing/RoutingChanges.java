package io.ordergateway.core.routing;

/**
 * The route stage's decisions on one ring event, carried on the event to the journal stage (and the
 * egress, which logs the switches). Fixed capacity, reused with the ring slot: no allocation.
 */
public final class RoutingChanges
{
    /** The most decisions one event can carry (the most one event causes is four). */
    public static final int CAPACITY = 8;

    private final RoutingChangeKind[] kinds = new RoutingChangeKind[CAPACITY];
    private final int[] brokers = new int[CAPACITY];
    private final int[] others = new int[CAPACITY];
    private final long[] values = new long[CAPACITY];
    private int size;

    /**
     * Forgets the previous event's decisions.
     */
    public void clear()
    {
        size = 0;
    }

    /**
     * @param kind   what.
     * @param broker about which broker.
     * @param other  the broker before (switches), else -1.
     * @param value  a count, else 0.
     */
    public void add(final RoutingChangeKind kind, final int broker, final int other, final long value)
    {
        if (size < CAPACITY)
        {
            kinds[size] = kind;
            brokers[size] = broker;
            others[size] = other;
            values[size] = value;
            size++;
        }
    }

    /** @return how many. */
    public int size()
    {
        return size;
    }

    /**
     * @param i index.
     * @return the kind.
     */
    public RoutingChangeKind kind(final int i)
    {
        return kinds[i];
    }

    /**
     * @param i index.
     * @return the broker.
     */
    public int broker(final int i)
    {
        return brokers[i];
    }

    /**
     * @param i index.
     * @return the other broker, or -1.
     */
    public int other(final int i)
    {
        return others[i];
    }

    /**
     * @param i index.
     * @return the value.
     */
    public long value(final int i)
    {
        return values[i];
    }
}
