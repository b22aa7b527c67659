package io.ordergateway.testkit.alpaca;

import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

/**
 * An account order as the simulator's execution engine (a {@code SimBroker}) takes it: the order's
 * fields under its engine id. Reused on the simulator's loop thread; the engine copies what it
 * needs when it is handed one.
 */
final class SimEngineCommand implements OrderCommand
{
    private CommandKind kind;
    private SimAlpacaOrder order;
    private int symbolId;

    /**
     * @param kind     what to do.
     * @param order    the order.
     * @param symbolId its symbol's id.
     */
    void set(final CommandKind kind, final SimAlpacaOrder order, final int symbolId)
    {
        this.kind = kind;
        this.order = order;
        this.symbolId = symbolId;
    }

    @Override
    public CommandKind command()
    {
        return kind;
    }

    @Override
    public long orderId()
    {
        return order.engineId;
    }

    @Override
    public int symbolId()
    {
        return symbolId;
    }

    @Override
    public Side side()
    {
        return order.side;
    }

    @Override
    public OrderType orderType()
    {
        return order.type;
    }

    @Override
    public TimeInForce timeInForce()
    {
        return order.timeInForce;
    }

    @Override
    public OrderClass orderClass()
    {
        return order.orderClass;
    }

    @Override
    public long quantity()
    {
        return order.quantity;
    }

    @Override
    public long limitPrice()
    {
        return order.limitPrice;
    }

    @Override
    public long stopPrice()
    {
        return order.stopPrice;
    }

    @Override
    public long trailPrice()
    {
        return order.trailPrice;
    }

    @Override
    public long trailPercent()
    {
        return order.trailPercent;
    }

    @Override
    public long takeProfitLimitPrice()
    {
        return FixedPoint.NULL;
    }

    @Override
    public long stopLossStopPrice()
    {
        return FixedPoint.NULL;
    }

    @Override
    public long stopLossLimitPrice()
    {
        return FixedPoint.NULL;
    }

    @Override
    public boolean extendedHours()
    {
        return order.extendedHours;
    }
}
