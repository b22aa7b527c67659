package io.ordergateway.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.Position;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.sbe.EventRefusedDecoder;
import io.ordergateway.journal.sbe.FillDecoder;
import io.ordergateway.journal.sbe.OrderNewDecoder;
import io.ordergateway.journal.sbe.PartialFillDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    /** Output format. */
    enum Format
    {
        TABLE, CSV, JSON
    }

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

    @Option(names = "--from", paramLabel = "TIME", description = "Fills at or after this time (2026-11-21 or 2026-11-21T14:30:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Fills before this time.")
    String to;

    @Option(names = "--format", paramLabel = "F", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Override
    public Integer call() throws Exception
    {
        final long fromNanos = from == null ? Long.MIN_VALUE : TimeArgument.epochNanos(from, "--from");
        final long toNanos = to == null ? Long.MAX_VALUE : TimeArgument.epochNanos(to, "--to");
        final Map<Integer, String> symbols = new TreeMap<>();
        final Map<String, Totals> totals = new TreeMap<>();
        final OrderNewDecoder orderNew = new OrderNewDecoder();
        final PartialFillDecoder partial = new PartialFillDecoder();
        final FillDecoder fill = new FillDecoder();
        // A fill counts once its document ends without an EventRefused record.
        final long[] pending = new long[6]; // document, symbolId, side, quantity, price, timestamp
        pending[0] = Long.MIN_VALUE;
        final boolean[] hasPending = {false};
        final Runnable commit = () ->
        {
            if (hasPending[0])
            {
                hasPending[0] = false;
                final String name = symbols.getOrDefault((int)pending[1], "SYMBOL" + pending[1]);
                final Totals t = totals.computeIfAbsent(name, k -> new Totals());
                final Side side = pending[2] == 1 ? Side.BUY : Side.SELL;
                final long pnlBefore = t.position.realisedPnl();
                t.position.apply(side, pending[3], pending[4]);
                if (pending[5] >= fromNanos && pending[5] < toNanos)
                {
                    final long notional = ScaledMath.notional(pending[3], pending[4]);
                    if (side == Side.BUY)
                    {
                        t.buys++;
                        t.boughtQuantity += pending[3];
                        t.boughtNotional += notional;
                    }
                    else
                    {
                        t.sells++;
                        t.soldQuantity += pending[3];
                        t.soldNotional += notional;
                    }
                    t.realisedPnl += t.position.realisedPnl() - pnlBefore;
                }
            }
        };
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                if (index != pending[0])
                {
                    commit.run();
                    pending[0] = index;
                }
                switch (templateId)
                {
                    case OrderNewDecoder.TEMPLATE_ID:
                        orderNew.wrap(buffer, offset, blockLength, version);
                        if (orderNew.symbolId() >= 0)
                        {
                            symbols.putIfAbsent(orderNew.symbolId(), orderNew.symbolName().trim());
                        }
                        break;
                    case PartialFillDecoder.TEMPLATE_ID:
                        partial.wrap(buffer, offset, blockLength, version);
                        stage(pending, hasPending, partial.symbolId(), partial.side().value(), partial.lastQuantity(), partial.lastPrice(),
                            partial.timestamp());
                        break;
                    case FillDecoder.TEMPLATE_ID:
                        fill.wrap(buffer, offset, blockLength, version);
                        stage(pending, hasPending, fill.symbolId(), fill.side().value(), fill.lastQuantity(), fill.lastPrice(),
                            fill.timestamp());
                        break;
                    case EventRefusedDecoder.TEMPLATE_ID:
                        hasPending[0] = false;
                        break;
                    default:
                        break;
                }
            });
        }
        commit.run();
        print(totals);
        return 0;
    }

    private static void stage(
        final long[] pending, final boolean[] hasPending, final int symbolId, final short side, final long quantity, final long price,
        final long timestamp)
    {
        pending[1] = symbolId;
        pending[2] = side;
        pending[3] = quantity;
        pending[4] = price;
        pending[5] = timestamp;
        hasPending[0] = true;
    }

    private void print(final Map<String, Totals> totals) throws Exception
    {
        final PrintStream out = System.out;
        final List<String> header = List.of("symbol", "buys", "sells", "bought", "sold", "bought notional", "sold notional", "avg buy",
            "avg sell", "realised P&L");
        final List<List<String>> rows = totals.entrySet().stream().filter(e -> e.getValue().buys + e.getValue().sells > 0).map(e ->
        {
            final Totals t = e.getValue();
            return List.of(e.getKey(), Long.toString(t.buys), Long.toString(t.sells), FixedPoint.formatQuantity(t.boughtQuantity),
                FixedPoint.formatQuantity(t.soldQuantity), money(t.boughtNotional), money(t.soldNotional),
                t.boughtQuantity == 0 ? "-" : FixedPoint.formatPrice(ScaledMath.averagePrice(t.boughtNotional, t.boughtQuantity)),
                t.soldQuantity == 0 ? "-" : FixedPoint.formatPrice(ScaledMath.averagePrice(t.soldNotional, t.soldQuantity)),
                money(t.realisedPnl));
        }).toList();
        switch (format)
        {
            case CSV:
                out.println(String.join(",", header).replace(' ', '_'));
                rows.forEach(r -> out.println(String.join(",", r)));
                break;
            case JSON:
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows.stream().map(r ->
                {
                    final Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++)
                    {
                        row.put(header.get(i).replace(' ', '_'), r.get(i));
                    }
                    return row;
                }).toList()));
                break;
            default:
                final TextTable table = new TextTable(header.toArray(new String[0]));
                rows.forEach(r -> table.row(r.toArray()));
                table.print(out);
                break;
        }
    }

    private static String money(final long amount)
    {
        return FixedPoint.formatPrice(amount - amount % (FixedPoint.PRICE_SCALE / 100));
    }
}
