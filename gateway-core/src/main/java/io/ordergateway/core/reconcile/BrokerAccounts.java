package io.ordergateway.core.reconcile;

import io.ordergateway.core.broker.BrokerAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest account answer of each broker (asked by the running reconciliation every pass), and
 * their totals per currency, for the execution status and the metrics. Written by adapters'
 * threads, read by anyone.
 */
public final class BrokerAccounts
{
    private final AtomicReferenceArray<BrokerAccount> latest;

    /**
     * @param brokers how many brokers.
     */
    public BrokerAccounts(final int brokers)
    {
        this.latest = new AtomicReferenceArray<>(brokers);
    }

    /**
     * @param brokerId the broker.
     * @param account  its latest answer.
     */
    public void update(final int brokerId, final BrokerAccount account)
    {
        latest.set(brokerId, account);
    }

    /**
     * @return each broker's latest account answer, in broker order (brokers not yet asked, or that cannot answer, are
     *         left out).
     */
    public List<BrokerAccount> latest()
    {
        final List<BrokerAccount> out = new ArrayList<>();
        for (int b = 0; b < latest.length(); b++)
        {
            final BrokerAccount a = latest.get(b);
            if (a != null)
            {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * @return per currency, the sum over brokers of cash, buying power and equity (as a {@link BrokerAccount} named
     *         {@code total}; a value a broker did not give is left out of the sum).
     */
    public Map<String, BrokerAccount> totals()
    {
        final Map<String, BrokerAccount> out = new TreeMap<>();
        for (final BrokerAccount a : latest())
        {
            out.merge(a.currency(), new BrokerAccount("total", "", a.currency(), known(a.cash()),
                known(a.buyingPower()), known(a.equity()), a.asOfMillis()), (x, y) -> new BrokerAccount("total", "",
                x.currency(), x.cash() + y.cash(), x.buyingPower() + y.buyingPower(), x.equity() + y.equity(),
                Math.min(x.asOfMillis(), y.asOfMillis())));
        }
        return out;
    }

    private static long known(final long value)
    {
        return value == io.ordergateway.journal.FixedPoint.NULL ? 0 : value;
    }
}
