package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves orders that went UNKNOWN (sent, no answer within the send timeout) by asking the broker
 * that was sent them for their client order id, on a thread of its own ("NAME-resolver"), never on
 * the ring. Nothing is sent again: the broker's answer becomes events in the ring, like any broker
 * event. Not there: rejected with CONNECTION_ERROR (never received, so the strategy may send it
 * again, and it will go to the active broker). There: acknowledged, with the fills the broker lists
 * (the state stage refuses a fill id it already has) and its end (canceled, expired, rejected). A
 * broker that does not answer is asked again later, with growing delays; the order stays UNKNOWN
 * meanwhile and is never routed elsewhere.
 */
public final class UnknownOrderResolver
{
    private static final Logger LOG = LoggerFactory.getLogger(UnknownOrderResolver.class);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final BrokerAdapter[] brokers;
    private final BrokerEventSink[] sinks;
    private final ClientOrderIds clientOrderIds;
    private final long queryTimeoutMillis;
    private final ScheduledThreadPoolExecutor executor;

    /**
     * @param name               thread name prefix.
     * @param brokers            the adapters by id.
     * @param sinks              where each broker's answers go (into the ring).
     * @param clientOrderIds     how brokers know the orders.
     * @param queryTimeoutMillis how long to wait for one answer.
     */
    public UnknownOrderResolver(final String name, final BrokerAdapter[] brokers, final BrokerEventSink[] sinks,
        final ClientOrderIds clientOrderIds, final long queryTimeoutMillis)
    {
        this.brokers = brokers;
        this.sinks = sinks;
        this.clientOrderIds = clientOrderIds;
        this.queryTimeoutMillis = queryTimeoutMillis;
        executor = new ScheduledThreadPoolExecutor(1, r ->
        {
            final Thread t = new Thread(r, name + "-resolver");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Asks, soon, about an order that went UNKNOWN.
     *
     * @param brokerId the broker it was sent to.
     * @param orderId  the order.
     */
    public void resolve(final int brokerId, final long orderId)
    {
        if (brokerId >= 0 && brokerId < brokers.length && !executor.isShutdown())
        {
            executor.execute(() -> ask(brokerId, orderId, FIRST_RETRY_MILLIS));
        }
    }

    /** Stops asking, and waits (briefly) for a question in progress. */
    public void stop()
    {
        executor.shutdownNow();
        try
        {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void ask(final int brokerId, final long orderId, final long retryMillis)
    {
        final BrokerAdapter broker = brokers[brokerId];
        final BrokerEventSink sink = sinks[brokerId];
        final BrokerOrderStatus status;
        try
        {
            status = broker.queryOrder(orderId, clientOrderIds.toString(orderId), queryTimeoutMillis);
        }
        catch (final UnsupportedOperationException ex)
        {
            LOG.warn("order {} is UNKNOWN at {} and {} cannot be asked: check with the broker before sending it again",
                clientOrderIds.toString(orderId), broker.name(), broker.name());
            return;
        }
        catch (final TimeoutException | RuntimeException ex)
        {
            if (!executor.isShutdown())
            {
                executor.schedule(() -> ask(brokerId, orderId, Math.min(MAX_RETRY_MILLIS, retryMillis * 2)), retryMillis, TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (status == null)
        {
            sink.rejected(orderId, CommandKind.NEW, RejectReason.CONNECTION_ERROR, 0); // never received: safe to send again
            return;
        }
        if (status.state() == OrderState.REJECTED)
        {
            sink.rejected(orderId, CommandKind.NEW, RejectReason.BROKER_REJECTED, 0);
            return;
        }
        sink.acknowledged(orderId, StartupReconciliation.RECONCILED_BROKER_ORDER_ID);
        for (final BrokerOrderStatus.Fill fill : status.fills())
        {
            sink.filled(orderId, fill.fillId(), fill.quantity(), fill.price());
        }
        if (status.state() == OrderState.CANCELED)
        {
            sink.canceled(orderId);
        }
        else if (status.state() == OrderState.EXPIRED)
        {
            sink.expired(orderId);
        }
    }
}
