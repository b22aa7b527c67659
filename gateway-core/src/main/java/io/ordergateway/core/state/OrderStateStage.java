package io.ordergateway.core.state;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventRefusal;
import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.metrics.GatewayMetrics.BrokerCounter;
import io.ordergateway.core.metrics.GatewayMetrics.Counter;
import io.ordergateway.journal.FixedPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The single owner of orders and positions: applies every event to them through the
 * {@link OrderStateMachine}, and writes the outcome (state, filled and open quantity, average price)
 * into the event for the journal and the strategy.
 *
 * <p>Commands: a new order that passed stages 1 to 3 enters the book as PENDING_NEW; a cancel or
 * replace must name a live order (else UNKNOWN_ORDER or ORDER_NOT_ACTIVE) and is pointed at the
 * order's broker. Broker events: an event that does not fit the order's state, a fill beyond the
 * order's quantity, a repeated fill id, or an event for an unknown order is refused: left unapplied,
 * marked for the journal and the strategy, counted.
 *
 * <p>Replaying the journal through this same class rebuilds the same state.
 */
public final class OrderStateStage implements EventHandler<GatewayEvent>
{
    private final OrderBook orders;
    private final PositionBook positions;
    private final AccountBook accounts;
    private final GatewayMetrics metrics;
    private final SymbolTable symbols;
    private long sequenceBase;
    /** Cancels and replaces sent and not yet answered: order id to the event time it was sent. */
    private final org.agrona.collections.Long2LongHashMap pendingSince =
        new org.agrona.collections.Long2LongHashMap(1024, 0.5f, Long.MIN_VALUE);
    private final org.agrona.collections.LongLongConsumer pendingScan = this::checkPending;
    private long[] settledPending = new long[16];
    private long[] expiredPending = new long[16];
    private int settledCount;
    private int expiredCount;
    private long commandTimeoutNanos = 10_000_000_000L;
    private long now;

    /**
     * @param books   the orders, positions and exposures, written from now on only by this stage's
     *                thread (risk and route read them on it, through {@link Books#view()}).
     * @param symbols the symbols, for snapshots.
     * @param metrics where to count.
     */
    public OrderStateStage(final Books books, final SymbolTable symbols, final GatewayMetrics metrics)
    {
        this.orders = books.orders();
        this.positions = books.positions();
        this.accounts = books.accounts();
        this.symbols = symbols;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        switch (e.type)
        {
            case NEW_ORDER: onNew(e); break;
            case EXTERNAL_ORDER: onExternal(e); break;
            case CANCEL: onCancel(e); break;
            case REPLACE: onReplace(e); break;
            case BROKER_ACK: onBrokerEvent(e, OrderEvent.ACK); break;
            case BROKER_REJECT: onBrokerEvent(e, rejectEvent(e.command)); break;
            case BROKER_FILL: onFill(e); break;
            case BROKER_CANCELED: onBrokerEvent(e, OrderEvent.CANCEL_CONFIRMED); break;
            case BROKER_REPLACED: onBrokerEvent(e, OrderEvent.REPLACE_CONFIRMED); break;
            case BROKER_EXPIRED: onBrokerEvent(e, OrderEvent.EXPIRE); break;
            case SNAPSHOT: onSnapshot(e, sequenceBase + sequence); break;
            case TICK: onTick(e); break;
            default: break;
        }
    }

    /**
     * New orders the route stage found unanswered past the send timeout (its TIMEOUT decisions on
     * this tick) go to UNKNOWN: sent, outcome not known, to be resolved by asking the broker.
     */
    private void onTick(final GatewayEvent e)
    {
        final io.ordergateway.core.routing.RoutingChanges changes = e.routingChanges;
        for (int i = 0; i < changes.size(); i++)
        {
            if (changes.kind(i) == io.ordergateway.core.routing.RoutingChangeKind.TIMEOUT)
            {
                final OrderRecord r = orders.get(changes.value(i));
                if (r != null && OrderStateMachine.isLegal(r.state(), OrderEvent.TIMEOUT))
                {
                    r.setState(OrderStateMachine.next(r.state(), OrderEvent.TIMEOUT));
                }
            }
        }
        pendingTimeouts(e.timestamp, changes);
    }

    /**
     * @param nanos how long a cancel or replace may go unanswered before the broker is asked about its order (the
     *              routing configuration's send timeout).
     */
    public void commandTimeout(final long nanos)
    {
        this.commandTimeoutNanos = nanos;
    }

    /**
     * Cancels and replaces unanswered past the command timeout: each becomes a TIMEOUT decision on this tick (its
     * {@code other} is the command's code), for the control agent to ask the broker and settle, as for a new order
     * gone UNKNOWN; the order stays PENDING_CANCEL or PENDING_REPLACE until the broker's answer comes. At most as
     * many as the tick has room for decisions; the rest wait for the next tick.
     */
    private void pendingTimeouts(final long timestamp, final io.ordergateway.core.routing.RoutingChanges changes)
    {
        if (pendingSince.isEmpty())
        {
            return;
        }
        now = timestamp;
        settledCount = 0;
        expiredCount = 0;
        pendingSince.forEachLong(pendingScan);
        for (int i = 0; i < settledCount; i++)
        {
            pendingSince.remove(settledPending[i]);
        }
        for (int i = 0; i < expiredCount && changes.size() < io.ordergateway.core.routing.RoutingChanges.CAPACITY; i++)
        {
            final OrderRecord r = orders.get(expiredPending[i]);
            pendingSince.remove(expiredPending[i]);
            final CommandKind command =
                r.state() == OrderState.PENDING_CANCEL ? CommandKind.CANCEL : CommandKind.REPLACE;
            changes.add(io.ordergateway.core.routing.RoutingChangeKind.TIMEOUT, r.brokerId(), command.code(),
                r.orderId);
        }
    }

    private void checkPending(final long orderId, final long since)
    {
        final OrderRecord r = orders.get(orderId);
        if (r == null || (r.state() != OrderState.PENDING_CANCEL && r.state() != OrderState.PENDING_REPLACE))
        {
            if (settledCount == settledPending.length)
            {
                settledPending = java.util.Arrays.copyOf(settledPending, settledCount * 2); // only under a flood
            }
            settledPending[settledCount++] = orderId;
        }
        else if (now - since >= commandTimeoutNanos)
        {
            if (expiredCount == expiredPending.length)
            {
                expiredPending = java.util.Arrays.copyOf(expiredPending, expiredCount * 2);
            }
            expiredPending[expiredCount++] = orderId;
        }
    }

    private void onNew(final GatewayEvent e)
    {
        if (!e.isDenied() && orders.get(e.orderId) != null)
        {
            e.deny(RejectReason.DUPLICATE_CLIENT_ID, DetailField.ORDER_ID, e.orderId, 0);
        }
        if (e.isDenied())
        {
            metrics.countDenied(e.denyReason);
            e.stateAfter = OrderState.DENIED;
            return;
        }
        final OrderRecord r = orders.create(e.orderId);
        r.open(e.accountId, e.strategyId, e.symbolId, e.brokerId, e.side, e.orderType, e.timeInForce, e.orderClass,
            e.quantity, e.limitPrice, e.stopPrice, e.ingressNanos);
        accounts.opened(e.accountId, e.symbolId, e.side, e.quantity);
        outcome(e, r);
    }

    /**
     * An order found at the broker that the gateway never sent: booked as working there, so its fills
     * move positions like any other and a cancel can reach it. Refused (journaled, and so refused again
     * in replay) under an id the book already holds or in a symbol that is not the gateway's. That the
     * same broker order is not adopted twice is the broker sink's rule
     * ({@code RingBrokerEventSink.adopted}, which knows the held ones), so nothing here looks through
     * the book on the ring's thread.
     */
    private void onExternal(final GatewayEvent e)
    {
        if (orders.get(e.orderId) != null || e.symbolId < 0 || e.symbolId >= symbols.size())
        {
            e.refusal = EventRefusal.ILLEGAL_TRANSITION;
            return;
        }
        final OrderRecord r = orders.create(e.orderId);
        r.open(e.accountId, 0, e.symbolId, e.brokerId, e.side, e.orderType, e.timeInForce, e.orderClass, e.quantity,
            e.limitPrice, e.stopPrice, e.ingressNanos);
        r.adoptAsExternal((String)e.attachment);
        accounts.opened(e.accountId, e.symbolId, e.side, e.quantity);
        outcome(e, r);
    }

    private void onCancel(final GatewayEvent e)
    {
        final OrderRecord r = commandTarget(e, OrderEvent.CANCEL_REQUEST);
        if (r == null)
        {
            return;
        }
        r.enterPending(OrderState.PENDING_CANCEL);
        pendingSince.put(e.orderId, e.timestamp);
        describe(r, e);
        outcome(e, r);
    }

    private void onReplace(final GatewayEvent e)
    {
        final OrderRecord r = commandTarget(e, OrderEvent.REPLACE_REQUEST);
        if (r == null)
        {
            return;
        }
        final OrderType type = r.type();
        final boolean usesLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        final boolean usesStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        if (e.quantity <= r.cumQuantity())
        {
            deny(e, r, RejectReason.INVALID_QUANTITY, DetailField.QUANTITY, e.quantity, r.cumQuantity());
            return;
        }
        if (!usesLimit && e.limitPrice != FixedPoint.NULL)
        {
            deny(e, r, RejectReason.INVALID_ORDER, DetailField.LIMIT_PRICE, e.limitPrice, FixedPoint.NULL);
            return;
        }
        if (!usesStop && e.stopPrice != FixedPoint.NULL)
        {
            deny(e, r, RejectReason.INVALID_ORDER, DetailField.STOP_PRICE, e.stopPrice, FixedPoint.NULL);
            return;
        }
        final long newLimit = e.limitPrice == FixedPoint.NULL ? r.limitPrice() : e.limitPrice;
        final long newStop = e.stopPrice == FixedPoint.NULL ? r.stopPrice() : e.stopPrice;
        r.enterPending(OrderState.PENDING_REPLACE);
        pendingSince.put(e.orderId, e.timestamp);
        r.setPendingTerms(e.quantity, newLimit, newStop);
        describe(r, e);
        e.limitPrice = newLimit;
        e.stopPrice = newStop;
        outcome(e, r);
    }

    /**
     * Finds the live order a cancel or replace acts on, or denies the command.
     */
    private OrderRecord commandTarget(final GatewayEvent e, final OrderEvent request)
    {
        if (e.isDenied())
        {
            metrics.countDenied(e.denyReason);
            final OrderRecord r = orders.get(e.orderId);
            e.stateAfter = r == null ? null : r.state();
            return null;
        }
        final OrderRecord r = orders.get(e.orderId);
        if (r == null)
        {
            deny(e, null, RejectReason.UNKNOWN_ORDER, DetailField.ORDER_ID, e.orderId, 0);
            return null;
        }
        if (!OrderStateMachine.isLegal(r.state(), request))
        {
            deny(e, r, RejectReason.ORDER_NOT_ACTIVE, DetailField.ORDER_ID, r.state().code(), 0);
            return null;
        }
        e.brokerId = r.brokerId();
        return r;
    }

    private void deny(
        final GatewayEvent e, final OrderRecord r, final RejectReason reason, final DetailField field, final long value,
        final long bound)
    {
        e.deny(reason, field, value, bound);
        metrics.countDenied(reason);
        if (r != null)
        {
            describe(r, e);
            outcome(e, r);
        }
    }

    private void onFill(final GatewayEvent e)
    {
        final OrderRecord r = brokerTarget(e);
        if (r == null)
        {
            return;
        }
        if (e.lastQuantity <= 0 || e.lastPrice == FixedPoint.NULL || e.lastPrice <= 0 ||
            e.lastQuantity > r.quantity() - r.cumQuantity())
        {
            refuse(e, r, EventRefusal.OVERFILL);
            return;
        }
        final OrderEvent event = e.lastQuantity == r.quantity() - r.cumQuantity() ? OrderEvent.FILL
            : OrderEvent.PARTIAL_FILL;
        if (!OrderStateMachine.isLegal(r.state(), event))
        {
            refuse(e, r, EventRefusal.ILLEGAL_TRANSITION);
            return;
        }
        if (!r.addFillId(e.fillId))
        {
            refuse(e, r, EventRefusal.DUPLICATE_FILL);
            return;
        }
        final long leavesBefore = r.leavesQuantity();
        if (r.cumQuantity() == 0 && !e.fromReconciliation)
        {
            metrics.submitToFirstFill(r.brokerId()).record(e.ingressNanos - r.submitNanos());
        }
        final long notional = ScaledMath.notional(e.lastQuantity, e.lastPrice);
        r.addFill(e.lastQuantity, notional);
        positions.apply(r.brokerId(), r.symbolId(), r.side(), e.lastQuantity, e.lastPrice);
        metrics.add(Counter.FILLS, 1);
        metrics.add(r.brokerId(), BrokerCounter.FILLS, 1);
        metrics.add(r.brokerId(), BrokerCounter.FILLED_QUANTITY, e.lastQuantity);
        metrics.add(r.brokerId(), BrokerCounter.FILLED_NOTIONAL, notional);
        transition(e, r, event, leavesBefore, e.lastQuantity);
    }

    private void onBrokerEvent(final GatewayEvent e, final OrderEvent event)
    {
        final OrderRecord r = brokerTarget(e);
        if (r == null)
        {
            return;
        }
        if (!OrderStateMachine.isLegal(r.state(), event))
        {
            refuse(e, r, EventRefusal.ILLEGAL_TRANSITION);
            return;
        }
        final long leavesBefore = r.leavesQuantity();
        switch (event)
        {
            case ACK:
                r.acknowledge(e.brokerOrderId);
                metrics.add(Counter.ACKNOWLEDGED, 1);
                metrics.add(r.brokerId(), BrokerCounter.ACKNOWLEDGED, 1);
                metrics.submitToAck().record(e.ingressNanos - r.submitNanos());
                metrics.submitToAck(r.brokerId()).record(e.ingressNanos - r.submitNanos());
                break;
            case REJECT:
            case CANCEL_REJECTED:
            case REPLACE_REJECTED:
                metrics.add(Counter.REJECTED, 1);
                metrics.add(r.brokerId(), BrokerCounter.REJECTED, 1);
                break;
            case REPLACE_CONFIRMED:
                r.applyReplace(e.quantity, e.limitPrice, e.stopPrice);
                break;
            case CANCEL_CONFIRMED:
                metrics.add(Counter.CANCELED, 1);
                break;
            case EXPIRE:
                metrics.add(Counter.EXPIRED, 1);
                break;
            default:
                break;
        }
        transition(e, r, event, leavesBefore, 0);
    }

    private OrderRecord brokerTarget(final GatewayEvent e)
    {
        final OrderRecord r = orders.get(e.orderId);
        if (r == null)
        {
            e.refusal = EventRefusal.UNKNOWN_ORDER;
            metrics.add(Counter.REFUSED_EVENTS, 1);
            return null;
        }
        describe(r, e);
        return r;
    }

    private void refuse(final GatewayEvent e, final OrderRecord r, final EventRefusal refusal)
    {
        e.refusal = refusal;
        metrics.add(Counter.REFUSED_EVENTS, 1);
        outcome(e, r);
    }

    /**
     * Moves the order on and keeps the account book in step: its open quantity changes by however
     * much the order's leaves changed (fill, replace, or end), its position by the fill.
     */
    private void transition(final GatewayEvent e, final OrderRecord r, final OrderEvent event, final long leavesBefore,
        final long filled)
    {
        final OrderState next = OrderStateMachine.next(r.state(), event);
        r.setState(next == OrderStateMachine.RESTORE ? r.restoredState() : next);
        final boolean finished = r.state().isTerminal();
        accounts.changed(r.accountId(), r.symbolId(), r.side(), r.leavesQuantity() - leavesBefore, filled, finished);
        if (finished)
        {
            orders.finished(r);
        }
        outcome(e, r);
    }

    private static void outcome(final GatewayEvent e, final OrderRecord r)
    {
        e.stateAfter = r.state();
        e.cumQuantity = r.cumQuantity();
        e.leavesQuantity = r.leavesQuantity();
        e.avgPrice = r.averagePrice();
        e.orderSubmitNanos = r.submitNanos();
    }

    /**
     * Copies what the journal, the adapter and the strategy need to know about the order into the event.
     */
    private static void describe(final OrderRecord r, final GatewayEvent e)
    {
        e.symbolId = r.symbolId();
        e.side = r.side();
        e.orderType = r.type();
        e.timeInForce = r.timeInForce();
        e.orderClass = r.orderClass();
        e.accountId = r.accountId();
        e.strategyId = r.strategyId();
        if (e.type.isBrokerEvent())
        {
            e.brokerId = r.brokerId();
        }
    }

    private static OrderEvent rejectEvent(final CommandKind command)
    {
        if (command == CommandKind.CANCEL)
        {
            return OrderEvent.CANCEL_REJECTED;
        }
        return command == CommandKind.REPLACE ? OrderEvent.REPLACE_REJECTED : OrderEvent.REJECT;
    }

    @SuppressWarnings("unchecked")
    private void onSnapshot(final GatewayEvent e, final long sequence)
    {
        final CompletableFuture<PortfolioSnapshot> answer = (CompletableFuture<PortfolioSnapshot>)e.attachment;
        answer.complete(snapshot(sequence));
    }

    /**
     * @param orderId an order.
     * @param fillId  a broker fill id.
     * @return true if the order has seen that fill. This stage's thread only, or before the pipeline starts.
     */
    public boolean knowsFill(final long orderId, final long fillId)
    {
        final OrderRecord r = orders.get(orderId);
        return r != null && r.hasFill(fillId);
    }

    /**
     * Sets what is added to ring sequences in snapshots, so a restarted gateway's snapshots continue
     * the journal's sequence. Before the pipeline starts only.
     *
     * @param base the journal's next sequence.
     */
    public void sequenceBase(final long base)
    {
        this.sequenceBase = base;
    }

    /**
     * Copies orders and positions. Only on this stage's thread, or after the pipeline stopped (or in replay).
     *
     * @param sequence the ring sequence the copy is taken at (it reflects every event before it).
     * @return the copy.
     */
    public PortfolioSnapshot snapshot(final long sequence)
    {
        final List<PortfolioSnapshot.PositionLine> lines = new ArrayList<>();
        for (int s = 0; s < positions.symbols(); s++)
        {
            for (int b = 0; b < positions.brokers(); b++)
            {
                addLine(lines, b, s, positions.at(b, s));
            }
            addLine(lines, PortfolioSnapshot.TOTAL, s, positions.total(s));
        }
        final List<PortfolioSnapshot.OrderLine> open = new ArrayList<>();
        orders.forEach(r ->
        {
            if (!r.state().isTerminal())
            {
                open.add(new PortfolioSnapshot.OrderLine(r.orderId(), r.accountId(), r.brokerId(),
                    symbols.name(r.symbolId()), r.side(), r.type(), r.state(), r.quantity(), r.cumQuantity(),
                    r.limitPrice(), r.averagePrice(), r.brokerOrderId() != 0 || r.external(), r.brokerClientOrderId()));
            }
        });
        open.sort((a, b) -> Long.compare(a.orderId(), b.orderId()));
        final List<PortfolioSnapshot.AccountLine> accountLines = new ArrayList<>();
        accounts.forEach((exposure, accountId) ->
        {
            final java.util.Map<String, Long> position = new java.util.TreeMap<>();
            final java.util.Map<String, Long> buys = new java.util.TreeMap<>();
            final java.util.Map<String, Long> sells = new java.util.TreeMap<>();
            for (int s = 0; s < symbols.size(); s++)
            {
                putNonZero(position, symbols.name(s), exposure.position(s));
                putNonZero(buys, symbols.name(s), exposure.openBuy(s));
                putNonZero(sells, symbols.name(s), exposure.openSell(s));
            }
            accountLines.add(new PortfolioSnapshot.AccountLine(accountId, exposure.openOrders(),
                exposure.grossExposure(), position, buys, sells));
        });
        accountLines.sort((a, b) -> Integer.compare(a.accountId(), b.accountId()));
        return new PortfolioSnapshot(sequence, List.copyOf(lines), List.copyOf(open), List.copyOf(accountLines));
    }

    private static void putNonZero(final java.util.Map<String, Long> map, final String key, final long value)
    {
        if (value != 0)
        {
            map.put(key, value);
        }
    }

    private void addLine(final List<PortfolioSnapshot.PositionLine> lines, final int brokerId, final int symbolId,
        final Position p)
    {
        if (!p.isUntouched())
        {
            lines.add(new PortfolioSnapshot.PositionLine(brokerId, symbols.name(symbolId), p.quantity(),
                p.averagePrice(), p.realisedPnl(), p.boughtQuantity(), p.soldQuantity()));
        }
    }
}
