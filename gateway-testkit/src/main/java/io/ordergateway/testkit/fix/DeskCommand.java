package io.ordergateway.testkit.fix;

import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * A counterparty order as the simulated engine takes it, for one call (the engine copies it).
 */
final class DeskCommand implements OrderCommand
{
    private CommandKind kind;
    private DeskOrder order;
    private long quantity;
    private long limitPrice;
    private long stopPrice;

    DeskCommand set(final CommandKind kind, final DeskOrder order, final long quantity, final long limitPrice,
        final long stopPrice)
    {
        this.kind = kind;
        this.order = order;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        return this;
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
        return order.symbolId;
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
    public long quantity()
    {
        return quantity;
    }

    @Override
    public long limitPrice()
    {
        return limitPrice;
    }

    @Override
    public long stopPrice()
    {
        return stopPrice;
    }
}
