package io.ordergateway.core.api;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.OrderCommand;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker that takes every command and never answers; counts what it was sent.
 */
final class SilentBroker implements BrokerAdapter
{
    final AtomicInteger news = new AtomicInteger();
    volatile BrokerContext context;

    @Override
    public String name()
    {
        return "silent";
    }

    @Override
    public BrokerCapabilities capabilities()
    {
        return BrokerCapabilities.everything();
    }

    @Override
    public void open(final BrokerContext context)
    {
        this.context = context;
    }

    @Override
    public void connect()
    {
    }

    @Override
    public void sendNew(final OrderCommand command)
    {
        news.incrementAndGet();
    }

    @Override
    public void sendCancel(final OrderCommand command)
    {
    }

    @Override
    public void sendReplace(final OrderCommand command)
    {
    }

    @Override
    public BrokerHealth health()
    {
        return BrokerHealth.HEALTHY;
    }

    @Override
    public void disconnect()
    {
    }
}
