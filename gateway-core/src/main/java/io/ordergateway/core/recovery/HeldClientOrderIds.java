package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerOrder;
import io.ordergateway.core.domain.ClientOrderIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At the start of a fresh journal (no order in it yet), the highest order id of this instance that
 * the brokers already hold: a gateway started on a new journal directory with an instance id it
 * used before would otherwise issue client order ids its broker has seen (Alpaca refuses them,
 * "client_order_id must be unique", and an adapter could take the old order for the new one). The
 * gateway's ids continue above it, with a warning naming the broker.
 *
 * <p>Asks each broker for its orders of the last {@link #LOOKBACK_DAYS} days, once, at start, off
 * the ring (the caller waits, as start-up reconciliation does). A broker that cannot list its
 * orders is skipped; one that fails or does not answer in time is warned about and skipped.
 */
public final class HeldClientOrderIds
{
    /** How far back the brokers' orders are listed. */
    public static final long LOOKBACK_DAYS = 90;
    private static final Logger LOG = LoggerFactory.getLogger(HeldClientOrderIds.class);

    private HeldClientOrderIds()
    {
    }

    /**
     * @param brokers        the gateway's brokers, connected.
     * @param ids            this instance's client order ids.
     * @param nowMillis      the time now (epoch milliseconds).
     * @param timeoutMillis  how long to wait for each broker.
     * @return the highest of this instance's order ids any broker holds, or 0 for none.
     */
    public static long highest(final BrokerAdapter[] brokers, final ClientOrderIds ids, final long nowMillis,
        final long timeoutMillis)
    {
        long highest = 0;
        for (final BrokerAdapter broker : brokers)
        {
            final List<BrokerOrder> orders;
            try
            {
                orders = broker.askOrders(BrokerOrder.Listing.ALL, nowMillis - TimeUnit.DAYS.toMillis(LOOKBACK_DAYS),
                    Long.MAX_VALUE).get(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            catch (final ExecutionException | CompletionException ex)
            {
                if (!(ex.getCause() instanceof UnsupportedOperationException))
                {
                    LOG.warn("{}: cannot list its orders to check this instance's client order ids ({}); if it holds "
                        + "ids of instance '{}' from an earlier journal, use another instance id", broker.name(),
                        ex.getCause() == null ? ex.getMessage() : ex.getCause().getMessage(), ids.instanceId());
                }
                continue;
            }
            catch (final TimeoutException ex)
            {
                LOG.warn("{}: no list of its orders within {} ms; this instance's client order ids are not checked "
                    + "against it", broker.name(), timeoutMillis);
                continue;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return highest;
            }
            long held = 0;
            for (final BrokerOrder order : orders)
            {
                if (order.clientOrderId() != null)
                {
                    held = Math.max(held, ids.parse(order.clientOrderId()));
                }
            }
            if (held > 0)
            {
                LOG.warn("{} already holds orders of instance '{}' up to {}, but the journal is new: this gateway's "
                    + "order ids continue after {} (an instance id of its own keeps two journals apart)", broker.name(),
                    ids.instanceId(), ids.toString(held), held);
            }
            highest = Math.max(highest, held);
        }
        return highest;
    }
}
