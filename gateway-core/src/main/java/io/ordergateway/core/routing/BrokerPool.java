package io.ordergateway.core.routing;

import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.throttle.TokenBucket;
import io.ordergateway.journal.FixedPoint;

/**
 * What the route stage knows of each broker: its circuit breaker, whether an operator enabled it,
 * its declared capabilities, its API budget, the orders awaiting its answer, and its recent record
 * (latency, answers, failures). Owned by the route stage's thread; everything here is derived from
 * events, so replay rebuilds it exactly.
 */
public final class BrokerPool
{
    private static final int EWMA_SHIFT = 3; // each new sample weighs 1/8

    private final int size;
    private final CircuitBreaker[] breakers;
    private final boolean[] enabled;
    private final BrokerCapabilities[] capabilities;
    private final java.util.BitSet[] notTradable;
    private final java.util.BitSet[] notShortable;
    private final java.util.BitSet[] wholeOnly;
    private final TokenBucket[] budgets;
    private final long[] costBps;
    final int[] inFlight;
    final long[] lastUsed;
    final long[] sent;
    final long[] acks;
    final long[] rejects;
    final long[] fills;
    final long[] failures;
    final long[] timeouts;
    final long[] ackLatencyEwma;
    final long[] availableTicks;
    private final long[] spentUntil;
    long ticks;
    private long useCounter;
    private io.ordergateway.core.state.Books.View positions;

    /**
     * @param config       thresholds, budgets and costs.
     * @param capabilities what each broker accepts.
     */
    public BrokerPool(final RoutingConfig config, final BrokerCapabilities[] capabilities)
    {
        size = capabilities.length;
        this.capabilities = capabilities.clone();
        this.notTradable = new java.util.BitSet[size];
        this.notShortable = new java.util.BitSet[size];
        this.wholeOnly = new java.util.BitSet[size];
        for (int b = 0; b < size; b++)
        {
            notTradable[b] = new java.util.BitSet();
            notShortable[b] = new java.util.BitSet();
            wholeOnly[b] = new java.util.BitSet();
        }
        breakers = new CircuitBreaker[size];
        enabled = new boolean[size];
        budgets = new TokenBucket[size];
        costBps = new long[size];
        inFlight = new int[size];
        lastUsed = new long[size];
        sent = new long[size];
        acks = new long[size];
        rejects = new long[size];
        fills = new long[size];
        failures = new long[size];
        timeouts = new long[size];
        ackLatencyEwma = new long[size];
        availableTicks = new long[size];
        spentUntil = new long[size];
        for (int b = 0; b < size; b++)
        {
            breakers[b] = new CircuitBreaker(config.failureThreshold(), config.breakerOpenNanos());
            enabled[b] = true;
            final long rate = config.apiRatePerSecond().get(b);
            budgets[b] = rate > 0 ? new TokenBucket(rate, config.apiBurst().get(b)) : null;
            costBps[b] = config.costBps().get(b);
        }
    }

    /** @return how many brokers. */
    public int size()
    {
        return size;
    }

    /**
     * @param b a broker.
     * @return its breaker.
     */
    public CircuitBreaker breaker(final int b)
    {
        return breakers[b];
    }

    /**
     * @param b a broker.
     * @return true unless an operator disabled it.
     */
    public boolean enabled(final int b)
    {
        return enabled[b];
    }

    /**
     * @param b  a broker.
     * @param on true to enable.
     */
    public void enable(final int b, final boolean on)
    {
        enabled[b] = on;
    }

    /**
     * @param b a broker.
     * @return true when it can take orders at all: enabled and its breaker not open.
     */
    public boolean available(final int b)
    {
        return enabled[b] && breakers[b].state() != CircuitBreaker.State.OPEN;
    }

    /**
     * @param b     a broker.
     * @param order the order.
     * @param now   event time.
     * @return true when the broker can take this order now: available, its breaker lets it through, it
     *         declares the capabilities the order needs (short selling included, when positions are known),
     *         and its API budget has a request left.
     */
    public boolean eligible(final int b, final OrderCommand order, final long now)
    {
        return enabled[b] && breakers[b].allows() && accepts(capabilities[b], order) && !opensShortWithout(b, order)
            && termsAllow(b, order) && (budgets[b] == null || budgets[b].waitNanos(now) == 0) && now >= spentUntil[b];
    }

    /**
     * What the broker said of its own request budget.
     *
     * @param b          the broker.
     * @param remaining  requests left (0: spent).
     * @param resetNanos when it resets (epoch nanos).
     */
    public void brokerBudget(final int b, final long remaining, final long resetNanos)
    {
        spentUntil[b] = remaining <= 0 ? resetNanos : 0;
    }

    /**
     * Lets the pool see positions (the state stage's book; the route stage runs on its thread), so a
     * sell that would open or grow a short at a broker that does not declare short selling is not
     * routed there.
     *
     * @param book the state stage's books, read on its thread.
     */
    public void positions(final io.ordergateway.core.state.Books.View book)
    {
        this.positions = book;
    }

    /**
     * What the broker said of the symbol (its discovered terms, with the configuration's overrides):
     * the route filter, applied on the route stage's thread.
     *
     * @param b     the broker.
     * @param terms its terms, by symbol id.
     */
    public void terms(final int b, final io.ordergateway.journal.BrokerTermsRecord terms)
    {
        notTradable[b].clear();
        notShortable[b].clear();
        wholeOnly[b].clear();
        for (final io.ordergateway.journal.BrokerTermsRecord.Line l : terms.symbols())
        {
            if (l.symbolId() >= 0)
            {
                notTradable[b].set(l.symbolId(), !l.tradable());
                notShortable[b].set(l.symbolId(), !l.shortable());
                wholeOnly[b].set(l.symbolId(), !l.fractionable());
            }
        }
    }

    /**
     * @param b        a broker.
     * @param symbolId a symbol.
     * @return true if the broker said it cannot trade the symbol.
     */
    public boolean notTradable(final int b, final int symbolId)
    {
        return symbolId >= 0 && notTradable[b].get(symbolId);
    }

    private boolean termsAllow(final int b, final OrderCommand order)
    {
        final int s = order.symbolId();
        return s < 0 || !notTradable[b].get(s)
            && (!wholeOnly[b].get(s) || order.quantity() % FixedPoint.QUANTITY_SCALE == 0);
    }

    private boolean opensShortWithout(final int b, final OrderCommand order)
    {
        final boolean shortable = capabilities[b].shortSelling()
            && (order.symbolId() < 0 || !notShortable[b].get(order.symbolId()));
        return !shortable && positions != null
            && order.side() == io.ordergateway.core.domain.Side.SELL && order.symbolId() >= 0
            && order.symbolId() < positions.symbols()
            && positions.position(b, order.symbolId()).quantity() < order.quantity();
    }

    /**
     * @param c     declared capabilities.
     * @param order the order.
     * @return true if the broker declares everything the order needs.
     */
    public static boolean accepts(final BrokerCapabilities c, final OrderCommand order)
    {
        return c.orderTypes().contains(order.orderType())
            && c.timesInForce().contains(order.timeInForce())
            && c.orderClasses().contains(order.orderClass())
            && (c.fractional() || order.quantity() % FixedPoint.QUANTITY_SCALE == 0)
            && (c.extendedHours() || !order.extendedHours());
    }

    /**
     * @param b   the broker chosen.
     * @param now event time.
     */
    public void onRouted(final int b, final long now)
    {
        if (budgets[b] != null)
        {
            budgets[b].take(now);
        }
        breakers[b].onSent();
        inFlight[b]++;
        lastUsed[b] = ++useCounter;
        sent[b]++;
    }

    /**
     * @param b            the broker that answered (or timed out).
     * @param latencyNanos send-to-ack latency, or -1.
     */
    public void onAnswered(final int b, final long latencyNanos)
    {
        if (inFlight[b] > 0)
        {
            inFlight[b]--;
        }
        if (latencyNanos >= 0)
        {
            ackLatencyEwma[b] = ackLatencyEwma[b] == 0 ? latencyNanos : ackLatencyEwma[b]
                + (latencyNanos - ackLatencyEwma[b] >> EWMA_SHIFT);
        }
    }

    /**
     * @param b a broker.
     */
    public void countAck(final int b)
    {
        acks[b]++;
    }

    /**
     * @param b a broker.
     */
    public void countFill(final int b)
    {
        fills[b]++;
    }

    /**
     * @param b a broker.
     */
    public void countReject(final int b)
    {
        rejects[b]++;
    }

    /**
     * @param b       a broker.
     * @param timeout true when the failure is a timeout.
     */
    public void countFailure(final int b, final boolean timeout)
    {
        failures[b]++;
        if (timeout)
        {
            timeouts[b]++;
        }
    }

    /**
     * Counts a tick and which brokers were available on it.
     */
    public void countTick()
    {
        ticks++;
        for (int b = 0; b < size; b++)
        {
            if (available(b))
            {
                availableTicks[b]++;
            }
        }
    }

    /**
     * @param b    a broker.
     * @param name its name.
     * @param role its role.
     * @return its status line.
     */
    public ExecutionStatus.Broker statusLine(final int b, final String name, final String role)
    {
        return new ExecutionStatus.Broker(b, name, role, breakers[b].state().name(), breakers[b].failures(),
            ticks == 0 ? 1.0 : (double)availableTicks[b] / ticks, sent[b], acks[b], rejects[b], failures[b],
            timeouts[b], inFlight[b], ackLatencyEwma[b] / 1_000, score(b), available(b));
    }

    /**
     * The best-execution score: lower is better, in microsecond equivalents. Latency counts as
     * itself; each 1% of definite failures as 100 µs; each 1% of orders rejected as 20 µs; each
     * basis point of configured cost as 50 µs. A broker with no record yet scores on cost alone, so it
     * gets tried.
     *
     * @param b a broker.
     * @return its score.
     */
    public long score(final int b)
    {
        final long answered = Math.max(1, sent[b]);
        final long latencyMicros = ackLatencyEwma[b] / 1_000;
        final long failurePercentTimes100 = failures[b] * 10_000 / answered;
        final long rejectPercentTimes100 = rejects[b] * 10_000 / answered;
        return latencyMicros + failurePercentTimes100 + rejectPercentTimes100 / 5 + costBps[b] * 50 / 10_000;
    }

    /**
     * @param b a broker.
     * @return its configured cost (bps times 10,000).
     */
    public long costBps(final int b)
    {
        return costBps[b];
    }
}
