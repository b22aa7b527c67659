package io.ordergateway.testkit.echo;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.journal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import io.ordergateway.adapters.support.CommandQueue;


/**
 * A broker that does nothing but answer at once: every new order is filled completely in one
 * execution at its limit price (market orders at a fixed price), cancels are refused (the order
 * is already filled) and replaces likewise. For benchmarks and tests that want the gateway's own
 * cost with orders that finish, so state stays bounded. An agent ({@link #agent()}) answers through
 * the sink on the thread the gateway's threading mode gives it; nothing allocates in steady state.
 */
public final class EchoBroker implements BrokerAdapter, Agent
{
    private static final int MSG_NEW = 1;
    private static final int MSG_OTHER = 2;
    private static final int LENGTH = 24;

    private final String name;
    private final long marketPrice;
    private final CommandQueue inbound = new CommandQueue(1 << 22);
    private final UnsafeBuffer outbound = new UnsafeBuffer(new byte[LENGTH]);
    private final MessageHandler handler = this::onCommand;
    private volatile BrokerHealth health = BrokerHealth.DOWN;
    private final CommandQueue.RefusalHandler refusalHandler = this::onRefused;
    private BrokerEventSink sink;
    private final java.util.concurrent.atomic.AtomicLong refusedCommands = new java.util.concurrent.atomic.AtomicLong();
    private long fillId;

    /**
     * @param name          the broker's name.
     * @param marketPrice   the price market orders fill at (scaled).
     */
    public EchoBroker(final String name, final long marketPrice)
    {
        this.name = name;
        this.marketPrice = marketPrice;
    }

    @Override
    public String type()
    {
        return "echo";
    }

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
        sink = context.sink();
    }

    @Override
    public void connect()
    {
        health = BrokerHealth.HEALTHY;
    }

    @Override
    public Agent agent()
    {
        return this;
    }

    @Override
    public void sendNew(final OrderCommand command)
    {
        outbound.putLong(0, command.orderId());
        outbound.putLong(8, command.quantity());
        outbound.putLong(16, command.limitPrice() == FixedPoint.NULL ? marketPrice : command.limitPrice());
        inbound.offer(MSG_NEW, outbound, LENGTH, command.orderId(), CommandKind.NEW);
    }

    @Override
    public void sendCancel(final OrderCommand command)
    {
        outbound.putLong(0, command.orderId());
        outbound.putLong(8, CommandKind.CANCEL.code());
        inbound.offer(MSG_OTHER, outbound, LENGTH, command.orderId(), CommandKind.CANCEL);
    }

    @Override
    public void sendReplace(final OrderCommand command)
    {
        outbound.putLong(0, command.orderId());
        outbound.putLong(8, CommandKind.REPLACE.code());
        inbound.offer(MSG_OTHER, outbound, LENGTH, command.orderId(), CommandKind.REPLACE);
    }

    /**
     * @return commands its queue had no room for (each answered with a SERVICE_UNAVAILABLE reject).
     */
    public long refusedCommands()
    {
        return refusedCommands.get();
    }

    @Override
    public BrokerHealth health()
    {
        return health;
    }

    @Override
    public void disconnect()
    {
        health = BrokerHealth.DOWN;
    }

    @Override
    public int doWork()
    {
        if (health != BrokerHealth.HEALTHY)
        {
            return 0;
        }
        // one event per command; never more than the ring has room for (it shares its thread with the control agent's
        // follower, which holds the ring back: waiting for a slot here would stop that follower for good)
        final int commands = Math.min(512, sink.room());
        return commands <= 0 ? 0 : inbound.drain(handler, refusalHandler, commands);
    }

    private void onCommand(final int type, final DirectBuffer buffer, final int index, final int length)
    {
        final long orderId = buffer.getLong(index);
        if (type == MSG_NEW)
        {
            sink.filled(orderId, ++fillId, buffer.getLong(index + 8), buffer.getLong(index + 16));
        }
        else
        {
            sink.rejected(orderId, CommandKind.fromCode((int)buffer.getLong(index + 8)), RejectReason.ORDER_NOT_ACTIVE,
                0);
        }
    }

    private void onRefused(final long orderId, final CommandKind command)
    {
        refusedCommands.incrementAndGet();
        sink.rejected(orderId, command, RejectReason.SERVICE_UNAVAILABLE, 503);
    }

    @Override
    public String roleName()
    {
        return "echo-" + name;
    }
}
