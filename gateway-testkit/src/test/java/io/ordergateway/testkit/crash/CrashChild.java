package io.ordergateway.testkit.crash;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.state.PortfolioSnapshot;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.ordergateway.journal.FixedPoint.quantity;

/**
 * The strategy side of the crash test, run in its own JVM: a gateway on a journal directory,
 * trading through the Alpaca adapter (or the FIX adapter, for a {@code fix://host:port} address) with a broker
 * outside this JVM (the simulator in the test's
 * JVM). It prints {@code STARTED} once the gateway has restored and reconciled, then
 * {@code SENT <orderId>} for every order the gateway reports as sent (a report that comes only
 * after the order is journaled), until it is killed. With 0 orders it starts, lets reconciliation
 * settle, closes cleanly and prints {@code CLOSED}.
 *
 * <p>Arguments: journal directory, broker URL, orders to send, seed, journal durability. Credentials from the
 * environment, as in production.
 */
public final class CrashChild
{
    private CrashChild()
    {
    }

    /**
     * @param args journal, url, orders, seed, durability.
     * @throws Exception on failure (the parent reads stderr).
     */
    public static void main(final String[] args) throws Exception
    {
        final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        final Path journal = Path.of(args[0]);
        final URI url = URI.create(args[1]);
        final int orders = Integer.parseInt(args[2]);
        final SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        final io.ordergateway.core.broker.BrokerAdapter broker = "fix".equals(url.getScheme())
            ? new io.ordergateway.adapters.fix.FixBroker(io.ordergateway.adapters.fix.FixConfig.of("fix", url.getHost(),
            url.getPort(), "GATEWAY", "SIM").withReconnectSeconds(1))
            : new AlpacaBroker(AlpacaConfig.fromEnvironment("alpaca", url, System.getenv()).withRequestTimeout(2_000));
        final OrderGateway gateway = OrderGateway.builder().instanceId("crash").symbols("AAPL", "MSFT").broker(broker)
            .journalDirectory(journal).journalDurability(io.ordergateway.journal.JournalDurability.valueOf(args[4]))
            .build();
        io.ordergateway.core.testing.Await.until("the adapter healthy", () -> broker.health() == BrokerHealth.HEALTHY);
        out.println("STARTED");
        final List<Long> resting = new ArrayList<>();
        final NewOrder order = new NewOrder();
        final int[] symbols = {gateway.symbolId("AAPL"), gateway.symbolId("MSFT")};
        final ExecutionReportHandlerPrinter printer = new ExecutionReportHandlerPrinter(out);
        for (int i = 0; i < orders; i++)
        {
            final double dice = random.nextDouble();
            final int symbol = symbols[random.nextInt(2)];
            if (dice < 0.2 && !resting.isEmpty())
            {
                gateway.cancel(resting.remove(random.nextInt(resting.size())));
            }
            else if (dice < 0.5)
            {
                // Far below the market: rests until canceled.
                order.reset().symbol(symbol).side(Side.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
                    .quantity(quantity(1 + random.nextInt(20))).limitPrice(1_000_000_000L);
                if (gateway.submit(order) == SubmitResult.ACCEPTED)
                {
                    resting.add(order.orderId());
                }
            }
            else
            {
                order.reset().symbol(symbol).side(random.nextBoolean() ? Side.BUY : Side.SELL).type(OrderType.MARKET)
                    .quantity(quantity(1 + random.nextInt(50)));
                gateway.submit(order);
            }
            gateway.poll(printer, 1024);
            LockSupport.parkNanos(2_000_000); // pacing of the strategy, ~300 orders a second (not synchronisation)
        }
        if (orders == 0)
        {
            // reconciliation events applied
            final PortfolioSnapshot snapshot = gateway.snapshot().get(10, TimeUnit.SECONDS);
            gateway.close();
            out.println("CLOSED " + snapshot.openOrders().size());
            System.exit(0);
        }
        while (true)
        {
            gateway.poll(printer, 1024);
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static final class ExecutionReportHandlerPrinter implements io.ordergateway.core.api.ExecutionReportHandler
    {
        private final PrintStream out;

        ExecutionReportHandlerPrinter(final PrintStream out)
        {
            this.out = out;
        }

        @Override
        public void onReport(final ExecutionReport report)
        {
            if (report.type() == ReportType.SENT)
            {
                out.println("SENT " + report.orderId());
            }
        }
    }
}
