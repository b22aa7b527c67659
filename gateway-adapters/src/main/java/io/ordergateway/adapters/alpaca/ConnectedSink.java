package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;

/**
 * The gateway's sink as the adapter's parts see it: calls pass through once {@link #connect}
 * handed over the gateway's sink, and are dropped before that and after the adapter is closed
 * (the gateway no longer listens then). Loop thread only.
 */
final class ConnectedSink implements BrokerEventSink
{
    private final AlpacaHealth health;
    private BrokerEventSink sink;

    /**
     * @param health says whether the adapter is closed.
     */
    ConnectedSink(final AlpacaHealth health)
    {
        this.health = health;
    }

    /**
     * @param sink the gateway's sink, from now on.
     */
    void connect(final BrokerEventSink sink)
    {
        this.sink = sink;
    }

    private boolean passes()
    {
        return !health.isClosed() && sink != null;
    }

    @Override
    public void acknowledged(final long orderId, final long brokerOrderId)
    {
        if (passes())
        {
            sink.acknowledged(orderId, brokerOrderId);
        }
    }

    @Override
    public void rejected(final long orderId, final CommandKind command, final RejectReason reason, final int brokerCode)
    {
        if (passes())
        {
            sink.rejected(orderId, command, reason, brokerCode);
        }
    }

    @Override
    public void filled(final long orderId, final long fillId, final long quantity, final long price)
    {
        if (passes())
        {
            sink.filled(orderId, fillId, quantity, price);
        }
    }

    @Override
    public void canceled(final long orderId)
    {
        if (passes())
        {
            sink.canceled(orderId);
        }
    }

    @Override
    public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
    {
        if (passes())
        {
            sink.replaced(orderId, quantity, limitPrice, stopPrice);
        }
    }

    @Override
    public void expired(final long orderId)
    {
        if (passes())
        {
            sink.expired(orderId);
        }
    }

    @Override
    public void budget(final long remaining, final long resetEpochMillis)
    {
        if (passes())
        {
            sink.budget(remaining, resetEpochMillis);
        }
    }

    @Override
    public void reconciledFill(final long orderId, final long fillId, final long quantity, final long price)
    {
        if (passes())
        {
            sink.reconciledFill(orderId, fillId, quantity, price);
        }
    }

    @Override
    public long adopted(final String symbol, final io.ordergateway.core.domain.Side side,
        final io.ordergateway.core.domain.OrderType type, final io.ordergateway.core.domain.TimeInForce timeInForce,
        final long quantity, final long limitPrice, final long stopPrice, final String brokerClientOrderId)
    {
        return passes() ? sink.adopted(symbol, side, type, timeInForce, quantity, limitPrice, stopPrice,
            brokerClientOrderId) : 0;
    }
}
