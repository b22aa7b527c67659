package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.ClientOrderIds;
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
     * @param orderId        the gateway's order id, or 0 (a position, or an order the gateway does not know).
     */
    public record Difference(Kind kind, String symbol, String clientOrderId, long journal, long broker, long orderId)
    {
        /**
         * A difference of a position, or of an order the gateway does not know.
         *
         * @param kind          what differs.
         * @param symbol        the symbol.
         * @param clientOrderId the order, or empty for positions.
         * @param journal       the journal's quantity.
         * @param broker        the broker's quantity.
         */
        public Difference(final Kind kind, final String symbol, final String clientOrderId, final long journal,
            final long broker)
        {
            this(kind, symbol, clientOrderId, journal, broker, 0);
        }
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
        return compare(journal, statement, null);
    }

    /**
     * As {@link #compare(PortfolioSnapshot, BrokerStatement)}, reading order ids with the gateway's own
     * client order ids (a running gateway knows them; a journal read offline guesses them from the
     * statement's), so an order of another instance never matches one of this gateway's.
     *
     * @param journal        the gateway's state.
     * @param statement      the broker's statement.
     * @param clientOrderIds the gateway's client order ids, or null to guess.
     * @return every difference, positions first, sorted.
     */
    public static List<Difference> compare(final PortfolioSnapshot journal, final BrokerStatement statement,
        final ClientOrderIds clientOrderIds)
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
        String prefix = "";
        for (final BrokerStatement.OpenOrder o : statement.openOrders())
        {
            final Long adopted = external.get(o.clientOrderId());
            final long orderId = o.orderId() != 0 ? o.orderId() : adopted != null ? adopted
                : orderId(o.clientOrderId(), clientOrderIds);
            theirOrders.put(orderId, o);
            ids.put(orderId, o.clientOrderId());
            if (prefix.isEmpty() && adopted == null && orderId > 0)
            {
                prefix = prefix(o.clientOrderId()); // from one of the gateway's own, not an adopted order's
            }
        }
        for (final long orderId : new TreeSet<>(union(ourOrders.keySet(), theirOrders.keySet())))
        {
            final PortfolioSnapshot.OrderLine a = ourOrders.get(orderId);
            final BrokerStatement.OpenOrder b = theirOrders.get(orderId);
            final String id = a != null && a.external() ? a.brokerClientOrderId()
                : ids.containsKey(orderId) ? ids.get(orderId)
                : clientOrderIds != null ? clientOrderIds.toString(orderId)
                : prefix.isEmpty() ? Long.toString(orderId) : prefix + orderId;
            final long known = Math.max(0, orderId); // an order not of this gateway parses to a negative id
            if (b == null)
            {
                differences.add(new Difference(Kind.ORDER_ONLY_IN_JOURNAL, a.symbol(), id, a.cumQuantity(), 0,
                    known));
            }
            else if (a == null)
            {
                differences.add(new Difference(Kind.ORDER_ONLY_AT_BROKER, b.symbol(), id, 0, b.filled(), known));
            }
            else if (a.cumQuantity() != b.filled())
            {
                differences.add(new Difference(Kind.FILLED_DIFFERS, a.symbol(), id, a.cumQuantity(), b.filled(),
                    known));
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

    private static long orderId(final String clientOrderId, final ClientOrderIds clientOrderIds)
    {
        final long parsed = clientOrderIds != null ? clientOrderIds.parse(clientOrderId) : guess(clientOrderId);
        return parsed >= 0 ? parsed : -Math.abs((long)clientOrderId.hashCode()) - 1; // not one of ours: matches none
    }

    /**
     * The order id of {@code <instance>-<orderId>} when the instance is not known.
     */
    private static long guess(final String clientOrderId)
    {
        try
        {
            return Long.parseLong(clientOrderId.substring(clientOrderId.lastIndexOf('-') + 1));
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    private static String prefix(final String clientOrderId)
    {
        return clientOrderId.substring(0, clientOrderId.lastIndexOf('-') + 1);
    }
}
