package io.ordergateway.benchmarks;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.JournalStage;
import io.ordergateway.core.recovery.JournalLayout;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures replay speed: writes a journal of at least N records (new orders routed to two brokers,
 * acknowledged and filled in two parts: 6 records per order, through the real journal stage) and
 * replays it with {@link JournalReplayer}. Usage: {@code ReplaySpeed [records] [directory]}.
 */
public final class ReplaySpeed
{
    private ReplaySpeed()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final long records = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        final Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("replay-speed");
        final long orders = (records + 5) / 6;
        final long writeStart = System.nanoTime();
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalStage stage =
                new JournalStage(writer, new SymbolTable(List.of("AAPL", "MSFT")), new ClientOrderIds("gw1"));
            stage.onStart();
            final GatewayEvent e = new GatewayEvent();
            long sequence = 0;
            for (long id = 1; id <= orders; id++)
            {
                final Side side = id % 2 == 0 ? Side.BUY : Side.SELL;
                final int symbol = (int)(id % 2);
                e.reset();
                e.type = EventType.NEW_ORDER;
                e.timestamp = id;
                e.orderId = id;
                e.accountId = 1;
                e.symbolId = symbol;
                e.side = side;
                e.orderType = OrderType.MARKET;
                e.timeInForce = TimeInForce.DAY;
                e.orderClass = OrderClass.SIMPLE;
                e.quantity = FixedPoint.quantity(10);
                e.brokerId = (int)(id % 2);
                e.routingPolicyCode = RoutingPolicy.ROUND_ROBIN.code();
                e.stateAfter = OrderState.PENDING_NEW;
                stage.onEvent(e, sequence++, true);
                broker(stage, e, EventType.BROKER_ACK, id, side, symbol, 0, sequence++, OrderState.NEW);
                broker(stage, e, EventType.BROKER_FILL, id, side, symbol, 4, sequence++, OrderState.PARTIALLY_FILLED);
                broker(stage, e, EventType.BROKER_FILL, id, side, symbol, 6, sequence++, OrderState.FILLED);
            }
        }
        final double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        final JournalLayout layout = JournalLayout.read(dir);
        final JournalReplayer replayer = new JournalReplayer(layout.symbols(), layout.brokers());
        final long start = System.nanoTime();
        try (JournalReader reader = new JournalReader(dir))
        {
            replayer.replay(reader, Long.MAX_VALUE);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("wrote %,d orders in %.1f s; replayed %,d records (%,d events) in %.2f s: %,.0f records/s, "
            + "%,.0f events/s%n", orders, writeSeconds, replayer.records(), replayer.events(), seconds,
            replayer.records() / seconds, replayer.events() / seconds);
        System.out.println("digest " + replayer.snapshot().digest() + "; journal in " + dir);
    }

    private static void broker(
        final JournalStage stage, final GatewayEvent e, final EventType type, final long id, final Side side,
        final int symbol, final long quantity, final long sequence, final OrderState after)
    {
        e.reset();
        e.type = type;
        e.timestamp = id;
        e.orderId = id;
        e.brokerId = (int)(id % 2);
        e.brokerOrderId = id;
        e.side = side;
        e.symbolId = symbol;
        e.fillId = id * 2 + quantity;
        e.lastQuantity = FixedPoint.quantity(quantity);
        e.lastPrice = 18_725_000_000L;
        e.cumQuantity = FixedPoint.quantity(quantity == 6 ? 10 : quantity);
        e.leavesQuantity = FixedPoint.quantity(quantity == 6 ? 0 : 10 - quantity);
        e.stateAfter = after;
        stage.onEvent(e, sequence, true);
    }
}
