package io.ordergateway.tools;

import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.Position;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.FillView;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.OrderNewView;
import io.ordergateway.journal.SessionStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code gateway journal report trades DIR}: per symbol, what was bought and sold over a period,
 * at what average prices, and the profit realised in it (positions are built from every fill in the
 * journal, so P&L realised in the period is right even when the position was opened before it).
 * Fills the gateway refused (overfills, duplicates) are left out, as the live gateway left them out.
 */
@Command(
    name = "trades",
    mixinStandardHelpOptions = true,
    header = "Per symbol: buys, sells, quantity, notional, average prices and realised P&L over a period.",
    description = "As a table, CSV or JSON.")
final class TradesReportCommand implements Callable<Integer>
{
    /** Totals of one symbol. */
    private static final class Totals
    {
        long buys;
        long sells;
        long boughtQuantity;
        long soldQuantity;
        long boughtNotional;
        long soldNotional;
        long realisedPnl;
        final Position position = new Position();
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path directory;

    @Option(names = "--from", paramLabel = "TIME",
        description = "Fills at or after this time (2026-11-21 or 2026-11-21T14:30:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Fills before this time.")
    String to;

    @Option(names = "--format", paramLabel = "F", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() throws Exception
    {
        final long fromNanos = from == null ? Long.MIN_VALUE : TimeArgument.epochNanos(from, "--from");
        final long toNanos = to == null ? Long.MAX_VALUE : TimeArgument.epochNanos(to, "--to");
        final TradeTotals trades = new TradeTotals(fromNanos, toNanos);
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll(new JournalAdapter(trades));
        }
        trades.commit();
        print(trades.totals);
        return 0;
    }

    /**
     * Sums the fills of a journal per symbol. A fill counts once its document ends without an
     * EventRefused record (the gateway did not apply it).
     */
    private static final class TradeTotals implements JournalListener
    {
        private final Map<Integer, String> symbols = new TreeMap<>();
        private final Map<String, Totals> totals = new TreeMap<>();
        private final long fromNanos;
        private final long toNanos;
        private boolean pending;
        private int symbolId;
        private Side side;
        private long quantity;
        private long price;
        private long timestamp;

        TradeTotals(final long fromNanos, final long toNanos)
        {
            this.fromNanos = fromNanos;
            this.toNanos = toNanos;
        }

        @Override
        public void onDocument(final long documentIndex)
        {
            commit();
        }

        @Override
        public void onSessionStart(final SessionStart session)
        {
            for (int id = 0; id < session.symbols().size(); id++)
            {
                symbols.putIfAbsent(id, session.symbols().get(id));
            }
        }

        @Override
        public void onOrderNew(final OrderNewView order)
        {
            if (order.symbolId() >= 0)
            {
                symbols.putIfAbsent(order.symbolId(), order.symbolName());
            }
        }

        @Override
        public void onFill(final FillView fill)
        {
            pending = true;
            symbolId = fill.symbolId();
            side = Side.fromCode(fill.side());
            quantity = fill.lastQuantity();
            price = fill.lastPrice();
            timestamp = fill.timestamp();
        }

        @Override
        public void onEventRefused(
            final long sequence, final long timestamp, final long orderId, final int refusedRecord, final int kind,
            final int state)
        {
            pending = false;
        }

        void commit()
        {
            if (!pending || side == null)
            {
                pending = false;
                return;
            }
            pending = false;
            final String name = symbols.getOrDefault(symbolId, "SYMBOL" + symbolId);
            final Totals t = totals.computeIfAbsent(name, k -> new Totals());
            final long pnlBefore = t.position.realisedPnl();
            t.position.apply(side, quantity, price);
            if (timestamp >= fromNanos && timestamp < toNanos)
            {
                final long notional = ScaledMath.notional(quantity, price);
                if (side == Side.BUY)
                {
                    t.buys++;
                    t.boughtQuantity += quantity;
                    t.boughtNotional += notional;
                }
                else
                {
                    t.sells++;
                    t.soldQuantity += quantity;
                    t.soldNotional += notional;
                }
                t.realisedPnl += t.position.realisedPnl() - pnlBefore;
            }
        }
    }

    private void print(final Map<String, Totals> totals) throws Exception
    {
        final PrintStream out = System.out;
        final List<String> header =
            List.of("symbol", "buys", "sells", "bought", "sold", "bought notional", "sold notional", "avg buy",
            "avg sell", "realised P&L");
        final List<List<String>> rows =
            totals.entrySet().stream().filter(e -> e.getValue().buys + e.getValue().sells > 0).map(e ->
        {
            final Totals t = e.getValue();
            return List.of(e.getKey(), Long.toString(t.buys), Long.toString(t.sells),
                FixedPoint.formatQuantity(t.boughtQuantity), FixedPoint.formatQuantity(t.soldQuantity),
                money(t.boughtNotional), money(t.soldNotional), t.boughtQuantity == 0 ? "-"
                : FixedPoint.formatPrice(ScaledMath.averagePrice(t.boughtNotional, t.boughtQuantity)),
                t.soldQuantity == 0 ? "-"
                : FixedPoint.formatPrice(ScaledMath.averagePrice(t.soldNotional, t.soldQuantity)),
                money(t.realisedPnl));
        }).toList();
        format.print(out, header, rows);
    }

    private static String money(final long amount)
    {
        return FixedPoint.formatPrice(amount - amount % (FixedPoint.PRICE_SCALE / 100));
    }
}
