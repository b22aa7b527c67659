package example;

import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal strategy: embeds a gateway with one simulated broker, sends a few market and limit
 * orders, polls the reports on its own thread until every order has finished, prints them, and
 * exits 1 if any order was lost.
 */
public final class Strategy
{
    private Strategy()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path journal = Path.of(args.length > 0 ? args[0] : "journal", "run-" + System.currentTimeMillis());
        final Map<Long, OrderState> lastState = new HashMap<>();
        try (OrderGateway gateway = OrderGateway.builder()
            .symbols("AAPL", "MSFT")
            .broker(new SimBroker(SimBrokerConfig.defaults("sim").withReferencePrices(Map.of("AAPL", FixedPoint.priceFromCents(18_725),
                "MSFT", FixedPoint.priceFromCents(41_000)))))
            .journalDirectory(journal)
            .build())
        {
            System.out.println("gateway threads: " + gateway.threadMap());
            final NewOrder order = new NewOrder();
            final int orders = 20;
            for (int i = 0; i < orders; i++)
            {
                order.reset().account(1).symbol(gateway.symbolId(i % 2 == 0 ? "AAPL" : "MSFT")).side(i % 3 == 0 ? Side.SELL : Side.BUY)
                    .quantity(FixedPoint.quantity(10));
                if (i % 4 == 0)
                {
                    order.type(OrderType.LIMIT).timeInForce(TimeInForce.IOC).limitPrice(FixedPoint.parse("500", FixedPoint.PRICE_DECIMALS));
                }
                else
                {
                    order.type(OrderType.MARKET);
                }
                SubmitResult result;
                while ((result = gateway.submit(order)) != SubmitResult.ACCEPTED)
                {
                    if (result == SubmitResult.CLOSED)
                    {
                        throw new IllegalStateException("the gateway closed");
                    }
                    gateway.poll(report -> record(report, lastState), 100); // take reports, then try again
                }
            }
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (finished(lastState) < orders && System.nanoTime() < deadline)
            {
                gateway.poll(report -> record(report, lastState), 100);
            }
            lastState.forEach((id, state) -> System.out.println("order " + id + ": " + state));
            final long done = finished(lastState);
            System.out.println(done + " of " + orders + " orders finished; journal in " + journal);
            if (done != orders)
            {
                System.exit(1);
            }
        }
    }

    private static void record(final ExecutionReport report, final Map<Long, OrderState> lastState)
    {
        if (report.state() != null)
        {
            lastState.put(report.orderId(), report.state());
        }
    }

    private static long finished(final Map<Long, OrderState> lastState)
    {
        return lastState.values().stream().filter(OrderState::isTerminal).count();
    }
}
