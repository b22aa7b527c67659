package io.ordergateway.core.ingress;

import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Publishes what one broker says into the ring, stamping each event with the gateway's clock
 * (producers stamp; stages never read a clock). Claims a slot with {@code next()}: waits while the
 * ring is full rather than drop a broker event. Thread safe; allocates nothing.
 *
 * <p>In INVOKER mode nobody else drains the ring while the caller's thread publishes, so waiting
 * would never end: there a full ring is an error that says to invoke more often.
 */
public final class RingBrokerEventSink implements BrokerEventSink
{
    private final RingBuffer<GatewayEvent> ring;
    private final EpochNanoClock clock;
    private final int brokerId;
    private final boolean mayWait;
    private java.util.function.LongSupplier adoptionIds;
    private io.ordergateway.core.domain.SymbolTable symbols;
    private int externalAccount;
    private final java.util.Set<String> adopted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param ring     the gateway's ring.
     * @param clock    the gateway's event clock.
     * @param brokerId the broker this sink speaks for.
     * @param mayWait  false in INVOKER mode: a full ring is then an error, not a wait.
     */
    public RingBrokerEventSink(final RingBuffer<GatewayEvent> ring, final EpochNanoClock clock, final int brokerId,
        final boolean mayWait)
    {
        this.ring = ring;
        this.clock = clock;
        this.brokerId = brokerId;
        this.mayWait = mayWait;
    }

    /**
     * @return free ring slots less a sixteenth of the ring, kept for the other producers (the timer, probes, other
     *         brokers), so a broker that reports up to its room does not wait for a slot.
     */
    @Override
    public int room()
    {
        return (int)Math.max(0, Math.min(Integer.MAX_VALUE, ring.remainingCapacity() - ring.getBufferSize() / 16));
    }

    private long next()
    {
        if (mayWait)
        {
            return ring.next();
        }
        try
        {
            return ring.tryNext();
        }
        catch (final com.lmax.disruptor.InsufficientCapacityException ex)
        {
            throw new IllegalStateException("the ring is full and this gateway runs no threads (INVOKER mode): call "
                + "invoke() until it is drained before brokers report more");
        }
    }

    private GatewayEvent claim(final long sequence, final EventType type, final long orderId)
    {
        final GatewayEvent e = ring.get(sequence);
        e.reset();
        e.type = type;
        e.orderId = orderId;
        e.brokerId = brokerId;
        e.timestamp = clock.nanoTime();
        e.ingressNanos = System.nanoTime();
        return e;
    }

    @Override
    public void acknowledged(final long orderId, final long brokerOrderId)
    {
        final long sequence = next();
        try
        {
            claim(sequence, EventType.BROKER_ACK, orderId).brokerOrderId = brokerOrderId;
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    @Override
    public void rejected(final long orderId, final CommandKind command, final RejectReason reason, final int brokerCode)
    {
        reject(orderId, command, reason, brokerCode, false);
    }

    /**
     * A command start-up reconciliation found never took effect at the broker (never received, or
     * lost in a crash): rejected so it is safe to send again, and journaled as found by
     * reconciliation, so it counts as no failure of the broker, live or in replay.
     *
     * @param orderId the order.
     * @param command the command that never took effect.
     * @param reason  why.
     */
    public void reconciledReject(final long orderId, final CommandKind command, final RejectReason reason)
    {
        reject(orderId, command, reason, 0, true);
    }

    private void reject(final long orderId, final CommandKind command, final RejectReason reason, final int brokerCode,
        final boolean reconciliation)
    {
        final long sequence = next();
        try
        {
            final GatewayEvent e = claim(sequence, EventType.BROKER_REJECT, orderId);
            e.command = command;
            e.brokerReason = reason;
            e.brokerCode = brokerCode;
            e.fromReconciliation = reconciliation;
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    @Override
    public void filled(final long orderId, final long fillId, final long quantity, final long price)
    {
        fill(orderId, fillId, quantity, price, false);
    }

    /**
     * Adopts external orders from now on (before the gateway starts).
     *
     * @param ids             gives out order ids from the strategy's sequence.
     * @param symbols         the gateway's symbols: an order in another is not adopted.
     * @param externalAccount the account external orders are booked to.
     * @param held            the client order ids of the external orders the restored books hold working at this
     *                        broker: never adopted again under a new id.
     */
    public void adoptExternal(final java.util.function.LongSupplier ids,
        final io.ordergateway.core.domain.SymbolTable symbols, final int externalAccount,
        final java.util.Collection<String> held)
    {
        this.adoptionIds = ids;
        this.symbols = symbols;
        this.externalAccount = externalAccount;
        this.adopted.addAll(held);
    }

    @Override
    public long adopted(final String symbol, final io.ordergateway.core.domain.Side side,
        final io.ordergateway.core.domain.OrderType type, final io.ordergateway.core.domain.TimeInForce timeInForce,
        final long quantity, final long limitPrice, final long stopPrice, final String brokerClientOrderId)
    {
        final int symbolId = symbols == null ? io.ordergateway.core.domain.SymbolTable.UNKNOWN : symbols.id(symbol);
        if (adoptionIds == null || symbolId == io.ordergateway.core.domain.SymbolTable.UNKNOWN || side == null
            || quantity <= 0 || brokerClientOrderId == null || !adopted.add(brokerClientOrderId))
        {
            return 0; // adoption off, a symbol or an order the gateway cannot book, or one it holds already
        }
        final long orderId = adoptionIds.getAsLong();
        final long sequence = next();
        try
        {
            final GatewayEvent e = claim(sequence, EventType.EXTERNAL_ORDER, orderId);
            e.accountId = externalAccount;
            e.symbolId = symbolId;
            e.side = side;
            e.orderType = type;
            e.timeInForce = timeInForce;
            e.orderClass = io.ordergateway.core.domain.OrderClass.SIMPLE;
            e.quantity = quantity;
            e.limitPrice = limitPrice;
            e.stopPrice = stopPrice;
            e.attachment = brokerClientOrderId;
        }
        finally
        {
            ring.publish(sequence);
        }
        return orderId;
    }

    /**
     * A fill learnt of by asking the broker, journaled as such.
     *
     * @param orderId  the order.
     * @param fillId   the broker's fill id.
     * @param quantity executed quantity.
     * @param price    execution price.
     */
    @Override
    public void reconciledFill(final long orderId, final long fillId, final long quantity, final long price)
    {
        fill(orderId, fillId, quantity, price, true);
    }

    private void fill(final long orderId, final long fillId, final long quantity, final long price,
        final boolean reconciliation)
    {
        final long sequence = next();
        try
        {
            final GatewayEvent e = claim(sequence, EventType.BROKER_FILL, orderId);
            e.fillId = fillId;
            e.lastQuantity = quantity;
            e.lastPrice = price;
            e.fromReconciliation = reconciliation;
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    @Override
    public void canceled(final long orderId)
    {
        final long sequence = next();
        try
        {
            claim(sequence, EventType.BROKER_CANCELED, orderId);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    @Override
    public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
    {
        final long sequence = next();
        try
        {
            final GatewayEvent e = claim(sequence, EventType.BROKER_REPLACED, orderId);
            e.quantity = quantity;
            e.limitPrice = limitPrice;
            e.stopPrice = stopPrice;
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    @Override
    public void expired(final long orderId)
    {
        final long sequence = next();
        try
        {
            claim(sequence, EventType.BROKER_EXPIRED, orderId);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    @Override
    public void budget(final long remaining, final long resetEpochMillis)
    {
        final long sequence = next();
        try
        {
            final GatewayEvent e = claim(sequence, EventType.BROKER_BUDGET, 0);
            e.budgetRemaining = remaining;
            e.budgetResetNanos = resetEpochMillis * 1_000_000L;
        }
        finally
        {
            ring.publish(sequence);
        }
    }
}
