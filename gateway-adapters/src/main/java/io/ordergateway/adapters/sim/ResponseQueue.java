package io.ordergateway.adapters.sim;

import java.util.Arrays;

/**
 * The simulated broker's answers waiting for their due time, first in first out. Due times never
 * decrease, so answers about one order keep their order (ack before fill). Parallel primitive
 * arrays: adding and taking allocate nothing until the queue outgrows its largest size so far.
 */
final class ResponseQueue
{
    static final byte ACK = 1;
    static final byte REJECT = 2;
    static final byte FILL = 3;
    static final byte CANCELED = 4;
    static final byte REPLACED = 5;
    static final byte EXPIRED = 6;

    private byte[] kind;
    private long[] orderId;
    private long[] a;
    private long[] b;
    private long[] c;
    private long[] due;
    private int head;
    private int size;
    private long lastDue = Long.MIN_VALUE;

    ResponseQueue(final int initialCapacity)
    {
        kind = new byte[initialCapacity];
        orderId = new long[initialCapacity];
        a = new long[initialCapacity];
        b = new long[initialCapacity];
        c = new long[initialCapacity];
        due = new long[initialCapacity];
    }

    void add(final long dueNanos, final byte what, final long id, final long x, final long y, final long z)
    {
        if (size == kind.length)
        {
            grow();
        }
        final int i = (head + size) % kind.length;
        lastDue = Math.max(lastDue, dueNanos);
        kind[i] = what;
        orderId[i] = id;
        a[i] = x;
        b[i] = y;
        c[i] = z;
        due[i] = lastDue;
        size++;
    }

    boolean isDue(final long nowNanos)
    {
        return size > 0 && due[head] <= nowNanos;
    }

    byte kind()
    {
        return kind[head];
    }

    long orderId()
    {
        return orderId[head];
    }

    long a()
    {
        return a[head];
    }

    long b()
    {
        return b[head];
    }

    long c()
    {
        return c[head];
    }

    void remove()
    {
        head = (head + 1) % kind.length;
        size--;
    }

    int size()
    {
        return size;
    }

    private void grow()
    {
        final int capacity = kind.length * 2;
        kind = unroll(kind, capacity);
        orderId = unroll(orderId, capacity);
        a = unroll(a, capacity);
        b = unroll(b, capacity);
        c = unroll(c, capacity);
        due = unroll(due, capacity);
        head = 0;
    }

    private byte[] unroll(final byte[] src, final int capacity)
    {
        final byte[] dst = Arrays.copyOf(src, capacity);
        for (int i = 0; i < size; i++)
        {
            dst[i] = src[(head + i) % src.length];
        }
        return dst;
    }

    private long[] unroll(final long[] src, final int capacity)
    {
        final long[] dst = Arrays.copyOf(src, capacity);
        for (int i = 0; i < size; i++)
        {
            dst[i] = src[(head + i) % src.length];
        }
        return dst;
    }
}
