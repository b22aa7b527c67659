package io.ordergateway.core.api;

import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

/**
 * A new order as a strategy fills it in: mutable and meant to be reused, so submitting allocates
 * nothing. {@link OrderGateway#submit} copies it into the ring and, when accepted, sets
 * {@link #orderId()}. Quantities and prices are scaled longs ({@link FixedPoint}); absent prices
 * are {@link FixedPoint#NULL}. Not thread safe: one per strategy thread.
 *
 * <pre>{@code
 * order.reset().account(1).symbol(aapl).side(Side.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.DAY)
 *      .quantity(FixedPoint.quantity(100)).limitPrice(FixedPoint.priceFromCents(18725));
 * }</pre>
 */
public final class NewOrder
{
    int accountId;
    int strategyId;
    int symbolId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    OrderClass orderClass;
    boolean extendedHours;
    long quantity;
    long limitPrice;
    long stopPrice;
    long trailPrice;
    long trailPercent;
    long takeProfitLimitPrice;
    long stopLossStopPrice;
    long stopLossLimitPrice;
    long orderId;

    /**
     * A blank order (see {@link #reset()}).
     */
    public NewOrder()
    {
        reset();
    }

    /**
     * Blanks every field: no symbol, no side or type, day, simple, no prices, quantity 0.
     *
     * @return this.
     */
    public NewOrder reset()
    {
        accountId = 0;
        strategyId = 0;
        symbolId = -1;
        side = null;
        type = null;
        timeInForce = TimeInForce.DAY;
        orderClass = OrderClass.SIMPLE;
        extendedHours = false;
        quantity = 0;
        limitPrice = FixedPoint.NULL;
        stopPrice = FixedPoint.NULL;
        trailPrice = FixedPoint.NULL;
        trailPercent = FixedPoint.NULL;
        takeProfitLimitPrice = FixedPoint.NULL;
        stopLossStopPrice = FixedPoint.NULL;
        stopLossLimitPrice = FixedPoint.NULL;
        orderId = 0;
        return this;
    }

    /** @param accountId the account. @return this. */
    public NewOrder account(final int accountId)
    {
        this.accountId = accountId;
        return this;
    }

    /** @param strategyId the strategy. @return this. */
    public NewOrder strategy(final int strategyId)
    {
        this.strategyId = strategyId;
        return this;
    }

    /** @param symbolId from {@link OrderGateway#symbolId(String)}. @return this. */
    public NewOrder symbol(final int symbolId)
    {
        this.symbolId = symbolId;
        return this;
    }

    /** @param side buy or sell. @return this. */
    public NewOrder side(final Side side)
    {
        this.side = side;
        return this;
    }

    /** @param type the order type. @return this. */
    public NewOrder type(final OrderType type)
    {
        this.type = type;
        return this;
    }

    /** @param timeInForce the time in force (default day). @return this. */
    public NewOrder timeInForce(final TimeInForce timeInForce)
    {
        this.timeInForce = timeInForce;
        return this;
    }

    /** @param orderClass the order class (default simple). @return this. */
    public NewOrder orderClass(final OrderClass orderClass)
    {
        this.orderClass = orderClass;
        return this;
    }

    /** @param extendedHours allow execution outside the regular session. @return this. */
    public NewOrder extendedHours(final boolean extendedHours)
    {
        this.extendedHours = extendedHours;
        return this;
    }

    /** @param quantity scaled quantity (1e-9 units). @return this. */
    public NewOrder quantity(final long quantity)
    {
        this.quantity = quantity;
        return this;
    }

    /** @param limitPrice scaled limit price. @return this. */
    public NewOrder limitPrice(final long limitPrice)
    {
        this.limitPrice = limitPrice;
        return this;
    }

    /** @param stopPrice scaled stop price. @return this. */
    public NewOrder stopPrice(final long stopPrice)
    {
        this.stopPrice = stopPrice;
        return this;
    }

    /** @param trailPrice trailing amount in price units. @return this. */
    public NewOrder trailPrice(final long trailPrice)
    {
        this.trailPrice = trailPrice;
        return this;
    }

    /** @param trailPercent trailing percent, price scale (1.5% is {@code 150_000_000}). @return this. */
    public NewOrder trailPercent(final long trailPercent)
    {
        this.trailPercent = trailPercent;
        return this;
    }

    /** @param limitPrice take-profit limit of a bracket, OCO or OTO. @return this. */
    public NewOrder takeProfit(final long limitPrice)
    {
        this.takeProfitLimitPrice = limitPrice;
        return this;
    }

    /**
     * @param stopPrice  stop-loss trigger of a bracket, OCO or OTO.
     * @param limitPrice stop-loss limit, or {@link FixedPoint#NULL} for a stop-market loss.
     * @return this.
     */
    public NewOrder stopLoss(final long stopPrice, final long limitPrice)
    {
        this.stopLossStopPrice = stopPrice;
        this.stopLossLimitPrice = limitPrice;
        return this;
    }

    /**
     * @return the order id the gateway assigned at the last accepted submit, 0 before.
     */
    public long orderId()
    {
        return orderId;
    }
}
