package io.ordergateway.adapters.fix;

import io.ordergateway.core.domain.CommandKind;

/**
 * The adapter's order messages sent lately, by sequence number: when each went out (a resend request gets messages
 * older than the configured age, or sent by an earlier run, gap-filled,
 * not resent) and which order and command it was (a session-level Reject
 * names only the sequence number). A ring of the last {@value #CAPACITY}; older ones count as old. Agent thread only.
 */
final class FixSentMessages
{
    static final int CAPACITY = 4096;
    private static final int MASK = CAPACITY - 1;

    private final int[] sequence = new int[CAPACITY];
    private final long[] sentNanos = new long[CAPACITY];
    private final long[] orderId = new long[CAPACITY];
    private final byte[] command = new byte[CAPACITY];
    /** The first sequence number this process sent an order message with: older ones are of an earlier run. */
    private int firstSequence = Integer.MAX_VALUE;
    private int highest;

    void sent(final int seq, final long nanos, final long order, final CommandKind kind)
    {
        final int i = seq & MASK;
        firstSequence = Math.min(firstSequence, seq);
        highest = Math.max(highest, seq);
        sequence[i] = seq;
        sentNanos[i] = nanos;
        orderId[i] = order;
        command[i] = (byte)kind.code();
    }

    /** Forgets everything (sequence numbers were reset). */
    void clear()
    {
        java.util.Arrays.fill(sequence, 0);
        firstSequence = Integer.MAX_VALUE;
        highest = 0;
    }

    /**
     * @return the highest sequence number an order message was sent with (0: none).
     */
    int highest()
    {
        return highest;
    }

    /**
     * @param seq a sequence number.
     * @return the order the message with that number was for, or -1 if it was no order message kept here.
     */
    long orderOf(final int seq)
    {
        final int i = seq & MASK;
        return sequence[i] == seq && seq != 0 ? orderId[i] : -1;
    }

    /**
     * @param seq a sequence number whose {@link #orderOf} is known.
     * @return the command it carried.
     */
    CommandKind commandOf(final int seq)
    {
        return CommandKind.fromCode(command[seq & MASK]);
    }

    /**
     * @param begin      the first sequence number asked for.
     * @param end        the last.
     * @param nowNanos   now.
     * @param maxAgeNanos the age above which an order message is not resent.
     * @return the first number from which every order message in the range is young enough to resend ({@code begin}
     *         when all are), or {@code end + 1} when the last order message in the range is too old.
     */
    int resendFrom(final int begin, final int end, final long nowNanos, final long maxAgeNanos)
    {
        int from = Math.max(begin, Math.min(firstSequence, end + 1)); // an earlier run's messages count as old
        for (int seq = begin; seq <= end && end - seq < CAPACITY; seq++)
        {
            final int i = seq & MASK;
            if (sequence[i] == seq && nowNanos - sentNanos[i] > maxAgeNanos)
            {
                from = seq + 1;
            }
        }
        if (end - begin >= CAPACITY)
        {
            from = Math.max(from, end - CAPACITY + 1); // beyond the ring: not known to be young
        }
        return from;
    }
}
