package io.ordergateway.core.metrics;

import io.ordergateway.core.domain.RejectReason;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The gateway's latency distributions and counters. Every counter has one writing stage (it says
 * which), which increments it with an ordered store; any thread may read. Allocates nothing to
 * record.
 */
public final class GatewayMetrics
{
    /** Counters of the whole gateway. */
    public enum Counter
    {
        /** Commands denied by the gateway (state stage). */
        DENIED,
        /** Commands handed to an adapter (send stage). */
        SENT,
        /** Orders acknowledged by a broker (state stage). */
        ACKNOWLEDGED,
        /** Commands rejected by a broker (state stage). */
        REJECTED,
        /** Executions applied (state stage). */
        FILLS,
        /** Orders canceled (state stage). */
        CANCELED,
        /** Orders expired (state stage). */
        EXPIRED,
        /** Broker events journaled but not applied: illegal transition, overfill, duplicate (state stage). */
        REFUSED_EVENTS,
        /** Pipeline exceptions caught and contained (any stage). */
        STAGE_ERRORS,
        /** Commands refused because the strategy stopped taking its reports (any strategy thread). */
        REFUSED_REPORTS_BACKLOG
    }

    /** Counters per broker. */
    public enum BrokerCounter
    {
        /** Commands sent (send stage). */
        SENT,
        /** Acknowledgements (state stage). */
        ACKNOWLEDGED,
        /** Rejects (state stage). */
        REJECTED,
        /** Executions (state stage). */
        FILLS,
        /** Quantity filled, scaled (state stage). */
        FILLED_QUANTITY,
        /** Money filled, price scale (state stage). */
        FILLED_NOTIONAL
    }

    private static final int COUNTERS = Counter.values().length;
    private static final int BROKER_COUNTERS = BrokerCounter.values().length;

    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);
    private final AtomicLongArray deniedByReason = new AtomicLongArray(RejectReason.values().length + 1);
    private final AtomicLongArray brokerCounters;
    private final LatencyRecorder submitToSend = new LatencyRecorder("submit->send");
    private final LatencyRecorder submitToAck = new LatencyRecorder("submit->ack");
    private final LatencyRecorder[] sendToAckByBroker;
    private final LatencyRecorder[] submitToFillByBroker;

    /**
     * @param brokers number of brokers.
     */
    public GatewayMetrics(final int brokers)
    {
        brokerCounters = new AtomicLongArray(brokers * BROKER_COUNTERS);
        sendToAckByBroker = new LatencyRecorder[brokers];
        submitToFillByBroker = new LatencyRecorder[brokers];
        for (int i = 0; i < brokers; i++)
        {
            sendToAckByBroker[i] = new LatencyRecorder("submit->ack broker " + i);
            submitToFillByBroker[i] = new LatencyRecorder("submit->first fill broker " + i);
        }
    }

    /**
     * Adds to a counter. Only the counter's writing stage may call this.
     *
     * @param counter which.
     * @param delta   how much.
     */
    public void add(final Counter counter, final long delta)
    {
        final int i = counter.ordinal();
        counters.lazySet(i, counters.get(i) + delta);
    }

    /**
     * Adds one to a counter that several threads write (the strategy's threads): atomic, unlike {@link #add}.
     *
     * @param counter the counter.
     */
    public void incrementFromAnyThread(final Counter counter)
    {
        counters.incrementAndGet(counter.ordinal());
    }

    /**
     * Counts a denial by its reason (state stage).
     *
     * @param reason the reason.
     */
    public void countDenied(final RejectReason reason)
    {
        add(Counter.DENIED, 1);
        final int i = reason.code();
        deniedByReason.lazySet(i, deniedByReason.get(i) + 1);
    }

    /**
     * Adds to a broker's counter. Only the counter's writing stage may call this.
     *
     * @param brokerId the broker.
     * @param counter  which.
     * @param delta    how much.
     */
    public void add(final int brokerId, final BrokerCounter counter, final long delta)
    {
        final int i = brokerId * BROKER_COUNTERS + counter.ordinal();
        brokerCounters.lazySet(i, brokerCounters.get(i) + delta);
    }

    /**
     * Zeroes every counter and distribution: after a restart has replayed the journal through the
     * stages, so the new session counts only what happens in it. Before the pipeline starts only.
     */
    public void reset()
    {
        for (int i = 0; i < counters.length(); i++)
        {
            counters.set(i, 0);
        }
        for (int i = 0; i < deniedByReason.length(); i++)
        {
            deniedByReason.set(i, 0);
        }
        for (int i = 0; i < brokerCounters.length(); i++)
        {
            brokerCounters.set(i, 0);
        }
        submitToSend.reset();
        submitToAck.reset();
        for (final LatencyRecorder recorder : sendToAckByBroker)
        {
            recorder.reset();
        }
        for (final LatencyRecorder recorder : submitToFillByBroker)
        {
            recorder.reset();
        }
    }

    /**
     * @param counter which.
     * @return its value.
     */
    public long get(final Counter counter)
    {
        return counters.get(counter.ordinal());
    }

    /**
     * @param reason a reason.
     * @return how many commands were denied for it.
     */
    public long deniedCount(final RejectReason reason)
    {
        return deniedByReason.get(reason.code());
    }

    /**
     * @param brokerId a broker.
     * @param counter  which.
     * @return its value.
     */
    public long get(final int brokerId, final BrokerCounter counter)
    {
        return brokerCounters.get(brokerId * BROKER_COUNTERS + counter.ordinal());
    }

    /**
     * @return time from a strategy's submit to the hand-over to the adapter (send stage).
     */
    public LatencyRecorder submitToSend()
    {
        return submitToSend;
    }

    /**
     * @return time from a strategy's submit to the broker's acknowledgement entering the ring (state stage).
     */
    public LatencyRecorder submitToAck()
    {
        return submitToAck;
    }

    /**
     * @param brokerId a broker.
     * @return submit to acknowledgement for that broker's orders.
     */
    public LatencyRecorder submitToAck(final int brokerId)
    {
        return sendToAckByBroker[brokerId];
    }

    /**
     * @param brokerId a broker.
     * @return submit-to-first-fill latency of its orders (state stage).
     */
    public LatencyRecorder submitToFirstFill(final int brokerId)
    {
        return submitToFillByBroker[brokerId];
    }

    /**
     * @return number of brokers.
     */
    public int brokers()
    {
        return sendToAckByBroker.length;
    }
}
