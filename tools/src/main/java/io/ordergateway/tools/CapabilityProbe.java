package io.ordergateway.tools;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import org.agrona.concurrent.Agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds out what a paper broker really accepts: for each order type that can rest far from the
 * market (limit, stop, stop-limit) and each time in force, one buy of one share priced so it cannot
 * execute (a limit at half the reference price, a stop at twice it) is sent through the adapter
 * and cancelled as soon as the broker takes it. Refused outright on anything but a paper account
 * or simulator ({@link BrokerAdapter#paperTrading()}). The client order ids carry their own
 * prefix, so they are never taken for a gateway's orders.
 */
final class CapabilityProbe
{
    private static final long ANSWER_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final OrderType[] TYPES = {OrderType.LIMIT, OrderType.STOP, OrderType.STOP_LIMIT};

    /**
     * What became of one test order.
     *
     * @param type    its order type.
     * @param tif     its time in force.
     * @param outcome accepted (then cancelled), refused (with the reason and the broker's code), or no answer.
     */
    record Result(OrderType type, TimeInForce tif, String outcome)
    {
        boolean accepted()
        {
            return outcome.startsWith("accepted");
        }
    }

    /**
     * The test order, as the adapter reads it.
     */
    private record Probe(long orderId, CommandKind command, int symbolId, OrderType orderType, TimeInForce timeInForce,
        long limitPrice, long stopPrice) implements OrderCommand
    {
        @Override
        public Side side()
        {
            return Side.BUY;
        }

        @Override
        public long quantity()
        {
            return FixedPoint.QUANTITY_SCALE;
        }
    }

    /**
     * What the broker said of each test order, from the adapter's thread.
     */
    private static final class Answers implements BrokerEventSink
    {
        final Map<Long, String> outcome = new ConcurrentHashMap<>();
        final Map<Long, Boolean> ended = new ConcurrentHashMap<>();

        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            outcome.putIfAbsent(orderId, "accepted");
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason,
            final int brokerCode)
        {
            if (command == CommandKind.NEW)
            {
                outcome.putIfAbsent(orderId, "refused: " + reason + (brokerCode != 0 ? " (" + brokerCode + ")" : ""));
                ended.put(orderId, true);
            }
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            outcome.put(orderId, "accepted, and FILLED: the reference price is far from the market");
        }

        @Override
        public void canceled(final long orderId)
        {
            outcome.putIfAbsent(orderId, "accepted");
            ended.put(orderId, true);
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
        }

        @Override
        public void expired(final long orderId)
        {
            outcome.putIfAbsent(orderId, "accepted");
            ended.put(orderId, true);
        }
    }

    private CapabilityProbe()
    {
    }

    /**
     * @param adapter        the broker's adapter, not yet opened (it is opened, connected and disconnected here).
     * @param brokerId       its id.
     * @param symbols        the symbols.
     * @param symbol         the symbol to probe with.
     * @param referencePrice its reference price (the test orders are priced from it).
     * @return one result per order type and time in force.
     * @throws IllegalStateException if the broker is not a paper account, or never becomes healthy.
     */
    static List<Result> run(final BrokerAdapter adapter, final int brokerId, final SymbolTable symbols,
        final String symbol, final long referencePrice)
    {
        if (!adapter.paperTrading())
        {
            throw new IllegalStateException(adapter.name() + " is not a paper account: test orders are sent only to "
                + "paper accounts and simulators");
        }
        final Answers answers = new Answers();
        final ClientOrderIds ids = new ClientOrderIds("probe" + System.currentTimeMillis() / 1000);
        adapter.open(BrokerContext.standalone(brokerId, answers, symbols, ids));
        final List<Result> results = new ArrayList<>();
        try
        {
            adapter.connect();
            final Agent agent = adapter.agent();
            if (agent != null)
            {
                agent.onStart();
            }
            await(agent, () -> adapter.health() == BrokerHealth.HEALTHY);
            if (adapter.health() != BrokerHealth.HEALTHY)
            {
                throw new IllegalStateException(adapter.name() + " did not become healthy within 10 s");
            }
            final int symbolId = symbols.id(symbol);
            final long cent = FixedPoint.PRICE_SCALE / 100;
            final long below = Math.max(cent, referencePrice / 2 / cent * cent);
            final long above = referencePrice * 2 / cent * cent;
            long orderId = 0;
            for (final OrderType type : TYPES)
            {
                for (final TimeInForce tif : TimeInForce.values())
                {
                    final long id = ++orderId;
                    final Probe probe = new Probe(id, CommandKind.NEW, symbolId, type, tif,
                        type == OrderType.STOP ? FixedPoint.NULL : type == OrderType.LIMIT ? below : above,
                        type == OrderType.LIMIT ? FixedPoint.NULL : above);
                    adapter.sendNew(probe);
                    await(agent, () -> answers.outcome.containsKey(id));
                    final String outcome = answers.outcome.getOrDefault(id, "no answer within 10 s");
                    if (outcome.startsWith("accepted") && !answers.ended.containsKey(id))
                    {
                        adapter.sendCancel(new Probe(id, CommandKind.CANCEL, symbolId, type, tif, probe.limitPrice(),
                            probe.stopPrice()));
                        await(agent, () -> answers.ended.containsKey(id));
                    }
                    results.add(new Result(type, tif, answers.ended.containsKey(id) || !outcome.startsWith("accepted")
                        ? outcome : outcome + " (its cancel was not confirmed: check the broker)"));
                }
            }
        }
        finally
        {
            adapter.disconnect();
        }
        return results;
    }

    /**
     * @param results the probe's results.
     * @return the {@code capabilities:} line that says what was accepted.
     */
    static String capabilitiesLine(final List<Result> results)
    {
        final List<String> types = new ArrayList<>();
        final List<String> tifs = new ArrayList<>();
        for (final Result r : results)
        {
            if (r.accepted())
            {
                final String type = r.type().name().toLowerCase(Locale.ROOT);
                final String tif = r.tif().name().toLowerCase(Locale.ROOT);
                if (!types.contains(type))
                {
                    types.add(type);
                }
                if (!tifs.contains(tif))
                {
                    tifs.add(tif);
                }
            }
        }
        return "capabilities: { orderTypes: [" + String.join(", ", types) + "], timesInForce: ["
            + String.join(", ", tifs) + "] }   # market and trailing orders not probed (they would execute)";
    }

    /**
     * Waits up to 10 s for a condition, running an in-process broker's agent meanwhile (a standalone
     * simulator has no thread of its own).
     */
    private static void await(final Agent agent, final java.util.function.BooleanSupplier done)
    {
        final long deadline = System.nanoTime() + ANSWER_NANOS;
        final org.agrona.concurrent.IdleStrategy idle = new org.agrona.concurrent.SleepingMillisIdleStrategy(1);
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0)
        {
            try
            {
                idle.idle(agent == null ? 0 : agent.doWork()); // a command-line tool waiting, not a gateway thread
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("the broker's agent failed: " + ex.getMessage(), ex);
            }
        }
    }
}
