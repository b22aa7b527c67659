package io.ordergateway.runtime.config;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerBlock;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerDefinition;
import io.ordergateway.core.broker.BrokerFactory;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.OrderCommand;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker type that comes from a jar the configuration code has never heard of: registered only
 * through {@code META-INF/services} (test resources), with a key of its own ({@code answer}).
 */
public final class FakeBrokerFactory implements BrokerFactory
{
    /** The orders each fake broker was sent, by broker name and the answer it was configured with. */
    public static final List<String> SENT = new CopyOnWriteArrayList<>();

    @Override
    public String type()
    {
        return "fake";
    }

    @Override
    public BrokerDefinition define(final BrokerBlock block)
    {
        final String name = block.name();
        final long answer = block.integer("answer", 42, 0, 100);
        return prices -> new BrokerAdapter()
        {
            @Override
            public String name()
            {
                return name;
            }

            @Override
            public BrokerCapabilities capabilities()
            {
                return BrokerCapabilities.everything();
            }

            @Override
            public void open(final BrokerContext context)
            {
            }

            @Override
            public void connect()
            {
            }

            @Override
            public void sendNew(final OrderCommand command)
            {
                SENT.add(name + " answer=" + answer + " order=" + command.orderId());
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
        };
    }
}
