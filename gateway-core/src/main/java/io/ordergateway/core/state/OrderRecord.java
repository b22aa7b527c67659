package io.ordergateway.core.state;

import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

/**
 * One order as the gateway knows it. Mutable and pooled by the {@link OrderBook}; owned by the
 * thread of the state stage. Quantities and prices are scaled longs (see {@link FixedPoint}).
 */
public final class OrderRecord implements OrderView
{
    private static final int INITIAL_FILL_IDS = 8;

    long orderId;
    int accountId;
    int strategyId;
    int symbolId;
    int brokerId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    OrderClass orderClass;
    long quantity;
    long limitPrice;
    long stopPrice;
    OrderState state;
    OrderState stateBeforePending;
    long cumQuantity;
    long notional;
    long brokerOrderId;
    long submitNanos;
    long pendingQuantity;
    long pendingLimitPrice;
    long pendingStopPrice;
    long[] fillIds = new long[INITIAL_FILL_IDS];
    int fillCount;
    boolean external;
    String brokerClientOrderId;

    void reset()
    {
        orderId = 0;
        accountId = 0;
        strategyId = 0;
        symbolId = -1;
        brokerId = -1;
        side = null;
        type = null;
        timeInForce = null;
        orderClass = null;
        quantity = 0;
        limitPrice = FixedPoint.NULL;
        stopPrice = FixedPoint.NULL;
        state = null;
        stateBeforePending = null;
        cumQuantity = 0;
        notional = 0;
        brokerOrderId = 0;
        submitNanos = 0;
        pendingQuantity = 0;
        pendingLimitPrice = FixedPoint.NULL;
        pendingStopPrice = FixedPoint.NULL;
        fillCount = 0;
        external = false;
        brokerClientOrderId = null;
    }

    /**
     * Fills in a new order accepted by the gateway; it starts in PENDING_NEW.
     *
     * @param accountId   account.
     * @param strategyId  strategy.
     * @param symbolId    symbol.
     * @param brokerId    broker it is routed to.
     * @param side        side.
     * @param type        order type.
     * @param timeInForce time in force.
     * @param orderClass  order class.
     * @param quantity    quantity.
     * @param limitPrice  limit price or NULL.
     * @param stopPrice   stop price or NULL.
     * @param submitNanos monotonic time of the submit, for latency measurement.
     */
    public void open(
        final int accountId, final int strategyId, final int symbolId, final int brokerId, final Side side,
        final OrderType type, final TimeInForce timeInForce, final OrderClass orderClass, final long quantity,
        final long limitPrice, final long stopPrice, final long submitNanos)
    {
        this.accountId = accountId;
        this.strategyId = strategyId;
        this.symbolId = symbolId;
        this.brokerId = brokerId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.orderClass = orderClass;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.submitNanos = submitNanos;
        this.state = OrderState.PENDING_NEW;
    }

    /**
     * Makes a just-opened order one the gateway adopted from its broker (EXTERNAL): working there,
     * never sent by the gateway.
     *
     * @param clientOrderId the client order id the broker holds for it (how to ask about it after a restart).
     */
    public void adoptAsExternal(final String clientOrderId)
    {
        this.external = true;
        this.brokerClientOrderId = clientOrderId;
        this.state = OrderState.NEW;
    }

    /**
     * @return the client order id the broker holds for an EXTERNAL order, or null for the gateway's own (the broker
     *         knows those by the gateway's client order id).
     */
    public String brokerClientOrderId()
    {
        return brokerClientOrderId;
    }

    /**
     * @return true for an order the gateway adopted from its broker, not one a strategy sent.
     */
    public boolean external()
    {
        return external;
    }

    /**
     * Moves to a state; the state machine decided it is legal.
     *
     * @param next the new state.
     */
    public void setState(final OrderState next)
    {
        state = next;
    }

    /**
     * Enters PENDING_CANCEL or PENDING_REPLACE, remembering where to return if the broker refuses.
     *
     * @param pending the pending state.
     */
    public void enterPending(final OrderState pending)
    {
        stateBeforePending = state;
        state = pending;
    }

    /**
     * Keeps the terms a pending replace asks for until the broker confirms them.
     *
     * @param newQuantity   new total quantity.
     * @param newLimitPrice new limit or NULL.
     * @param newStopPrice  new stop or NULL.
     */
    public void setPendingTerms(final long newQuantity, final long newLimitPrice, final long newStopPrice)
    {
        pendingQuantity = newQuantity;
        pendingLimitPrice = newLimitPrice;
        pendingStopPrice = newStopPrice;
    }

    /**
     * Applies a confirmed replace: the broker's terms win, the pending ones fill in what it left out.
     *
     * @param newQuantity   confirmed quantity, or 0 for the pending one.
     * @param newLimitPrice confirmed limit, or NULL for the pending one.
     * @param newStopPrice  confirmed stop, or NULL for the pending one.
     */
    public void applyReplace(final long newQuantity, final long newLimitPrice, final long newStopPrice)
    {
        quantity = newQuantity > 0 ? newQuantity : pendingQuantity;
        limitPrice = newLimitPrice != FixedPoint.NULL ? newLimitPrice : pendingLimitPrice;
        stopPrice = newStopPrice != FixedPoint.NULL ? newStopPrice : pendingStopPrice;
    }

    /**
     * The broker acknowledged the order. If a cancel or replace is pending, the state to return to
     * if it is refused is now NEW rather than PENDING_NEW.
     *
     * @param brokerOrderId the broker's id.
     */
    public void acknowledge(final long brokerOrderId)
    {
        this.brokerOrderId = brokerOrderId;
        if (stateBeforePending == OrderState.PENDING_NEW)
        {
            stateBeforePending = OrderState.NEW;
        }
    }

    /**
     * Adds an execution.
     *
     * @param qty      executed quantity.
     * @param notional its money value.
     */
    public void addFill(final long qty, final long notional)
    {
        cumQuantity += qty;
        this.notional += notional;
    }

    /**
     * Where a refused cancel or replace returns to: the state before it, moved on by any fill that
     * came while it was pending.
     *
     * @return the state to restore.
     */
    public OrderState restoredState()
    {
        final OrderState before = stateBeforePending == null ? OrderState.NEW : stateBeforePending;
        if (cumQuantity > 0 &&
            (before == OrderState.NEW || before == OrderState.REPLACED || before == OrderState.PENDING_NEW))
        {
            return OrderState.PARTIALLY_FILLED;
        }
        return before;
    }

    /**
     * @return monotonic nanos of the submit, for latency measurement.
     */
    public long submitNanos()
    {
        return submitNanos;
    }

    /**
     * @param fillId a broker fill id.
     * @return true if the order has seen it.
     */
    public boolean hasFill(final long fillId)
    {
        for (int i = 0; i < fillCount; i++)
        {
            if (fillIds[i] == fillId)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a fill id.
     *
     * @param fillId the broker's execution id.
     * @return false if the order has seen it before (a duplicate).
     */
    public boolean addFillId(final long fillId)
    {
        for (int i = 0; i < fillCount; i++)
        {
            if (fillIds[i] == fillId)
            {
                return false;
            }
        }
        if (fillCount == fillIds.length)
        {
            fillIds = java.util.Arrays.copyOf(fillIds, fillIds.length * 2); // rare: more fills than ever before
        }
        fillIds[fillCount++] = fillId;
        return true;
    }

    /** @return the gateway's order id. */
    @Override
    public long orderId()
    {
        return orderId;
    }

    /** @return the account. */
    @Override
    public int accountId()
    {
        return accountId;
    }

    /** @return the strategy that sent it. */
    @Override
    public int strategyId()
    {
        return strategyId;
    }

    /** @return the interned symbol. */
    @Override
    public int symbolId()
    {
        return symbolId;
    }

    /** @return the broker it was routed to. */
    @Override
    public int brokerId()
    {
        return brokerId;
    }

    /** @return buy or sell. */
    @Override
    public Side side()
    {
        return side;
    }

    /** @return the order type. */
    @Override
    public OrderType type()
    {
        return type;
    }

    /** @return the time in force. */
    @Override
    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    /** @return the order class. */
    @Override
    public OrderClass orderClass()
    {
        return orderClass;
    }

    /** @return the ordered quantity (after any confirmed replace). */
    @Override
    public long quantity()
    {
        return quantity;
    }

    /** @return the limit price or {@link FixedPoint#NULL}. */
    @Override
    public long limitPrice()
    {
        return limitPrice;
    }

    /** @return the stop price or {@link FixedPoint#NULL}. */
    @Override
    public long stopPrice()
    {
        return stopPrice;
    }

    /** @return the current state. */
    @Override
    public OrderState state()
    {
        return state;
    }

    /** @return the quantity filled so far. */
    @Override
    public long cumQuantity()
    {
        return cumQuantity;
    }

    /** @return the quantity still open: zero once the order is finished. */
    @Override
    public long leavesQuantity()
    {
        return state.isTerminal() ? 0 : Math.max(0, quantity - cumQuantity);
    }

    /** @return the money filled so far (price scale). */
    public long filledNotional()
    {
        return notional;
    }

    /** @return the average fill price, or 0 before any fill. */
    public long averagePrice()
    {
        return cumQuantity == 0 ? 0 : io.ordergateway.core.domain.ScaledMath.averagePrice(notional, cumQuantity);
    }

    /** @return the broker's id for the order, once acknowledged. */
    public long brokerOrderId()
    {
        return brokerOrderId;
    }
}
