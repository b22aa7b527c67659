package io.ordergateway.tools;

import io.ordergateway.core.recovery.JournalLayout;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gateway journal replay DIR}: rebuilds orders and positions from a journal with the live
 * gateway's state code, and prints them with the state digest and the replay speed.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header = "Rebuild orders and positions from a journal with the gateway's own state code.",
    description = "Prints positions (per broker and total), open orders, the state digest, the replay speed and the "
    + "routing timeline.")
final class JournalReplayCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path directory;

    @Option(names = "--until-sequence", paramLabel = "SEQ",
        description = "Stop before this ring sequence (default: the end).")
    long untilSequence = Long.MAX_VALUE;

    @Option(names = "--max-orders", paramLabel = "N", description = "Open orders to list (default: ${DEFAULT-VALUE}).")
    int maxOrders = 50;

    @Option(names = "--salvage",
        description = "On damage, replay what comes before it and say where it is, instead of failing.")
    boolean salvage;

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final long layoutStart = System.nanoTime();
        final JournalLayout layout = JournalLayout.read(directory, salvage);
        final long layoutNanos = System.nanoTime() - layoutStart;
        final JournalReplayer replayer = new JournalReplayer(layout.symbols(), layout.brokers());
        final boolean terminal = System.console() != null && layout.records() > 1_000_000;
        final long start = System.nanoTime();
        String damage = null;
        try (JournalReader reader = salvage ? JournalReader.salvage(directory) : new JournalReader(directory))
        {
            replayer.replay(reader, untilSequence, records ->
            {
                if (terminal)
                {
                    final int width = 30;
                    final int done = (int)Math.min(width, records * width / Math.max(1, layout.records()));
                    System.err.printf("\r[%s%s] %,d / %,d records", "#".repeat(done), ".".repeat(width - done), records,
                        layout.records());
                }
            });
            damage = reader.damage();
        }
        final long nanos = System.nanoTime() - start;
        if (terminal)
        {
            System.err.println();
        }
        final PortfolioSnapshot snapshot = replayer.snapshot();

        final TextTable positions =
            new TextTable("position", "broker", "quantity", "avg price", "realised P&L", "bought", "sold");
        for (final PortfolioSnapshot.PositionLine p : snapshot.positions())
        {
            positions.row(p.symbol(), p.brokerId() == PortfolioSnapshot.TOTAL ? "total"
                : layout.brokerName(p.brokerId()), FixedPoint.formatQuantity(p.quantity()),
                FixedPoint.formatPrice(p.averagePrice()), FixedPoint.formatPrice(p.realisedPnl()),
                FixedPoint.formatQuantity(p.boughtQuantity()), FixedPoint.formatQuantity(p.soldQuantity()));
        }
        positions.print(out);
        out.println();
        final TextTable orders =
            new TextTable("open order", "broker", "symbol", "side", "type", "state", "quantity", "filled", "limit");
        snapshot.openOrders().stream().limit(maxOrders)
            .forEach(o -> orders.row(o.orderId(), layout.brokerName(o.brokerId()), o.symbol(), o.side(), o.type(),
            o.state(), FixedPoint.formatQuantity(o.quantity()), FixedPoint.formatQuantity(o.cumQuantity()),
            FixedPoint.formatPrice(o.limitPrice())));
        orders.print(out);
        if (snapshot.openOrders().size() > maxOrders)
        {
            out.printf("  ... and %,d more%n", snapshot.openOrders().size() - maxOrders);
        }
        out.printf("%n%,d open orders; state at sequence %,d; digest %s%n", snapshot.openOrders().size(),
            snapshot.sequence(), snapshot.digest());
        out.printf("Replayed %,d records (%,d events) in %.2f s: %,.0f records/s (layout pass %.2f s)%n",
            replayer.records(), replayer.events(), nanos / 1e9, replayer.records() * 1e9 / Math.max(1, nanos),
            layoutNanos / 1e9);
        if (damage != null)
        {
            out.printf("%nDAMAGED journal: replayed only what comes before the damage (--salvage): %s%n", damage);
            return 1;
        }
        if (untilSequence == Long.MAX_VALUE)
        {
            out.println();
            final io.ordergateway.core.recovery.RoutingReplay.Result routing =
                RoutingTimeline.print(out, directory, layout.brokerNames());
            return routing == null || routing.same() ? 0 : 1;
        }
        return 0;
    }
}
