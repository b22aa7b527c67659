package io.ordergateway.core.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The strategy's questions to its brokers, off the ring: account, statement (positions and
 * working orders), orders and fills by time. Each answer is a future completed on the adapter's
 * thread, never on a ring thread, and never blocking one: do not {@code join()} it from an
 * execution report callback. An adapter that cannot answer fails the future with
 * {@link UnsupportedOperationException}; a broker's transient faults are retried by the adapter
 * within its budget.
 */
public final class BrokerQueries
{
    private final BrokerAdapter[] brokers;

    /**
     * @param brokers the adapters by id.
     */
    public BrokerQueries(final BrokerAdapter[] brokers)
    {
        this.brokers = brokers.clone();
    }

    /**
     * @param broker the broker's name.
     * @return its account's money.
     * @throws IllegalArgumentException naming the brokers there are.
     */
    public CompletableFuture<BrokerAccount> account(final String broker)
    {
        return adapter(broker).askAccount();
    }

    /**
     * @return every broker's account that can answer, in broker order (one that cannot is left out).
     */
    public CompletableFuture<List<BrokerAccount>> accounts()
    {
        final List<CompletableFuture<BrokerAccount>> asked = new ArrayList<>();
        for (final BrokerAdapter b : brokers)
        {
            asked.add(b.askAccount().exceptionally(ex -> null));
        }
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture[0])).thenApply(done ->
        {
            final List<BrokerAccount> out = new ArrayList<>();
            asked.forEach(f ->
            {
                if (f.join() != null)
                {
                    out.add(f.join());
                }
            });
            return out;
        });
    }

    /**
     * @param broker the broker's name.
     * @return its positions and working orders.
     */
    public CompletableFuture<BrokerStatement> statement(final String broker)
    {
        return adapter(broker).askStatement(id(broker));
    }

    /**
     * @param broker     the broker's name.
     * @param listing    open, closed or all orders.
     * @param fromMillis submitted at or after (epoch ms), or 0.
     * @param toMillis   submitted before, or {@code Long.MAX_VALUE}.
     * @return the orders, oldest first (the gateway's and any other).
     */
    public CompletableFuture<List<BrokerOrder>> orders(final String broker, final BrokerOrder.Listing listing,
        final long fromMillis, final long toMillis)
    {
        return adapter(broker).askOrders(listing, fromMillis, toMillis);
    }

    /**
     * @param broker     the broker's name.
     * @param fromMillis from (epoch ms), or 0.
     * @param toMillis   to, or {@code Long.MAX_VALUE}.
     * @return the executions, oldest first.
     */
    public CompletableFuture<List<BrokerFill>> fills(final String broker, final long fromMillis, final long toMillis)
    {
        return adapter(broker).askFills(fromMillis, toMillis);
    }

    private BrokerAdapter adapter(final String broker)
    {
        return brokers[id(broker)];
    }

    private int id(final String broker)
    {
        final List<String> names = new ArrayList<>();
        for (int b = 0; b < brokers.length; b++)
        {
            if (brokers[b].name().equals(broker))
            {
                return b;
            }
            names.add(brokers[b].name());
        }
        throw new IllegalArgumentException("no broker '" + broker + "': the gateway has " + names);
    }
}
