package io.ordergateway.benchmarks.harness;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.OrderCommand;

/**
 * Records each new order's latency the moment the send stage hands it to the adapter, then passes
 * it on (to an echo broker, so orders finish and the gateway's state stays bounded).
 */
final class TimedBroker implements BrokerAdapter
{
    private final BrokerAdapter delegate;
    private final long firstOrderId;
    private volatile PlannedTimes times;

    TimedBroker(final BrokerAdapter delegate, final long firstOrderId)
    {
        this.delegate = delegate;
        this.firstOrderId = firstOrderId;
    }

    void times(final PlannedTimes times)
    {
        this.times = times;
    }

    @Override
    public String name()
    {
        return delegate.name();
    }

    @Override
    public BrokerCapabilities capabilities()
    {
        return delegate.capabilities();
    }

    @Override
    public void open(final BrokerContext context)
    {
        delegate.open(context);
    }

    @Override
    public void connect()
    {
        delegate.connect();
    }

    @Override
    public org.agrona.concurrent.Agent agent()
    {
        return delegate.agent();
    }

    @Override
    public void sendNew(final OrderCommand command)
    {
        times.arrived((int)(command.orderId() - firstOrderId));
        delegate.sendNew(command);
    }

    @Override
    public void sendCancel(final OrderCommand command)
    {
        delegate.sendCancel(command);
    }

    @Override
    public void sendReplace(final OrderCommand command)
    {
        delegate.sendReplace(command);
    }

    @Override
    public BrokerHealth health()
    {
        return delegate.health();
    }

    @Override
    public void disconnect()
    {
        delegate.disconnect();
    }
}
