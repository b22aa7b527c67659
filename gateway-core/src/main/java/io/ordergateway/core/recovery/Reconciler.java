package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.state.PortfolioSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares what the journal says the gateway holds at one broker with what that broker says it
 * holds, and lists every difference: positions that differ or exist on one side only, working orders
 * known to one side only, and orders whose filled quantity differs (a fill missing on one side).
 * Orders are matched by client order id ({@code <instance>-<orderId>}).
 */
public final class Reconciler
{
    /** What kind of difference. */
    public enum Kind
    {
        /** The position in a symbol differs (or is held on one side only). */
        POSITION,
        /** The journal has a working order the broker does not. */
        ORDER_ONLY_IN_JOURNAL,
        /** The broker has a working order the journal does not. */
        ORDER_ONLY_AT_BROKER,
        /** Both have the order, with different filled quantities: a fill is missing on one side. */
        FILLED_DIFFERS
    }

    /**
     * One difference.
     *
     * @param kind           what differs.
     * @param symbol         the symbol.
     * @param clientOrderId  the order, or empty for positions.
     * @param journal        the journal's quantity (position, or filled quantity; 0 if absent).
     * @param broker         the broker's quantity.
     */
    public record Difference(Kind kind, String symbol, String clientOrderId, long journal, long broker)
    {
    }

    private Reconciler()
    {
    }

    /**
     * @param journal   the state rebuilt from the journal.
     * @param statement the broker's statement (its {@code brokerId} says which broker's part of the journal to
     *                  compare).
     * @return every difference, positions first, sorted.
     */
    public static List<Difference> compare(final PortfolioSnapshot journal, final BrokerStatement statement)
    {
        final List<Difference> differences = new ArrayList<>();
        final int brokerId = statement.brokerId();
        final Map<String, Long> ours = new HashMap<>();
        journal.positions().stream().filter(p -> p.brokerId() == brokerId && p.quantity() != 0)
            .forEach(p -> ours.put(p.symbol(), p.quantity()));
        final Map<String, Long> theirs = new HashMap<>();
        statement.positions().stream().filter(p -> p.quantity() != 0)
            .forEach(p -> theirs.merge(p.symbol(), p.quantity(), Long::sum));
        for (final String symbol : new TreeSet<>(union(ours.keySet(), theirs.keySet())))
        {
            final long a = ours.getOrDefault(symbol, 0L);
            final long b = theirs.getOrDefault(symbol, 0L);
            if (a != b)
            {
                differences.add(new Difference(Kind.POSITION, symbol, "", a, b));
            }
        }
        final Map<Long, PortfolioSnapshot.OrderLine> ourOrders = new HashMap<>();
        journal.openOrders().stream().filter(o -> o.brokerId() == brokerId).forEach(o -> ourOrders.put(o.orderId(), o));
        final Map<String, Long> external = new HashMap<>(); // orders adopted from the broker, by its client order id
        ourOrders.values().stream().filter(PortfolioSnapshot.OrderLine::external)
            .forEach(o -> external.put(o.brokerClientOrderId(), o.orderId()));
        final Map<Long, BrokerStatement.OpenOrder> theirOrders = new HashMap<>();
        final Map<Long, String> ids = new HashMap<>();
        for (final BrokerStatement.OpenOrder o : statement.openOrders())
        {
            final Long adopted = external.get(o.clientOrderId());
            final long orderId = adopted != null ? adopted : orderId(o.clientOrderId());
            theirOrders.put(orderId, o);
            ids.put(orderId, o.clientOrderId());
        }
        final String prefix = statement.openOrders().isEmpty() ? ""
            : prefix(statement.openOrders().get(0).clientOrderId());
        for (final long orderId : new TreeSet<>(union(ourOrders.keySet(), theirOrders.keySet())))
        {
            final PortfolioSnapshot.OrderLine a = ourOrders.get(orderId);
            final BrokerStatement.OpenOrder b = theirOrders.get(orderId);
            final String id = a != null && a.external() ? a.brokerClientOrderId()
                : ids.getOrDefault(orderId, prefix.isEmpty() ? Long.toString(orderId) : prefix + orderId);
            if (b == null)
            {
                differences.add(new Difference(Kind.ORDER_ONLY_IN_JOURNAL, a.symbol(), id, a.cumQuantity(), 0));
            }
            else if (a == null)
            {
                differences.add(new Difference(Kind.ORDER_ONLY_AT_BROKER, b.symbol(), id, 0, b.filled()));
            }
            else if (a.cumQuantity() != b.filled())
            {
                differences.add(new Difference(Kind.FILLED_DIFFERS, a.symbol(), id, a.cumQuantity(), b.filled()));
            }
        }
        return differences;
    }

    private static <T> java.util.Set<T> union(final java.util.Set<T> a, final java.util.Set<T> b)
    {
        final java.util.Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static long orderId(final String clientOrderId)
    {
        final int dash = clientOrderId.lastIndexOf('-');
        try
        {
            return Long.parseLong(clientOrderId.substring(dash + 1));
        }
        catch (final NumberFormatException ex)
        {
            return -Math.abs((long)clientOrderId.hashCode()) - 1; // not one of ours: cannot match any journal order
        }
    }

    private static String prefix(final String clientOrderId)
    {
        return clientOrderId.substring(0, clientOrderId.lastIndexOf('-') + 1);
    }
}
