package io.ordergateway.adapters.sim;

import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.recovery.JournalLayout;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying a journal rebuilds exactly the state the live gateway had: the same digest at the end
 * and at every sequence a live snapshot was taken at, over a run with partial fills, cancels,
 * replaces, broker rejects and denials.
 */
class ReplayDigestTest
{
    @TempDir
    Path journal;

    @Test
    void replayToAnySnapshotsSequenceGivesTheLiveDigest() throws Exception
    {
        final Map<String, Long> prices = Map.of("AAPL", 18_725_000_000L, "MSFT", 41_000_000_000L);
        final SimBrokerConfig sim = SimBrokerConfig.defaults("sim").withReferencePrices(prices).withLatency(0, 0)
            .withRejectRate(0.1).withPartialFills(0.5, 4).withPriceMoves(500_000, 20);
        final List<PortfolioSnapshot> live = new ArrayList<>();
        final SimBroker simA = new SimBroker(sim.withSeed(11));
        final SimBroker simB = new SimBroker(sim.withSeed(12));
        final OrderGateway gateway = OrderGateway.builder().symbols("AAPL", "MSFT")
            .broker(simA).broker(simB)
            .routing(RoutingPolicy.ROUND_ROBIN).journalDirectory(journal).build();
        try
        {
            final SplittableRandom random = new SplittableRandom(3);
            final NewOrder order = new NewOrder();
            final List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 600; i++)
            {
                final int symbol = random.nextInt(2);
                final long ref = symbol == 0 ? 18_725_000_000L : 41_000_000_000L;
                order.reset().account(1 + random.nextInt(3)).symbol(symbol)
                    .side(random.nextBoolean() ? Side.BUY : Side.SELL)
                    .quantity(FixedPoint.quantity(1 + random.nextInt(200)));
                if (random.nextInt(10) < 4)
                {
                    order.type(OrderType.MARKET);
                }
                else
                {
                    final long price = ref + (random.nextInt(41) - 20) * 10_000_000L;
                    // some off-tick: denied
                    order.type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
                        .limitPrice(i % 50 == 7 ? price + 1 : price);
                }
                submit(gateway, () -> gateway.submit(order));
                ids.add(order.orderId());
                if (i % 7 == 3)
                {
                    final long target = ids.get(random.nextInt(ids.size()));
                    submit(gateway, () -> gateway.cancel(target));
                }
                if (i % 11 == 5)
                {
                    final long target = ids.get(random.nextInt(ids.size()));
                    submit(gateway, () ->
                        gateway.replace(target, FixedPoint.quantity(250), FixedPoint.NULL, FixedPoint.NULL));
                }
                if (i % 150 == 149)
                {
                    live.add(gateway.snapshot().get(10, TimeUnit.SECONDS));
                }
                gateway.poll(r -> { }, 1024);
            }
            // Let both sims answer every command before closing (on 2 cores they lag a burst): a deadline, not a sleep.
            io.ordergateway.core.testing.Await.until("every command answered", () ->
            {
                gateway.poll(r -> { }, 1024);
                return snapshot(gateway).openOrders().stream().noneMatch(o -> o.state() == OrderState.PENDING_NEW
                    || o.state() == OrderState.PENDING_CANCEL || o.state() == OrderState.PENDING_REPLACE);
            });
        }
        finally
        {
            gateway.close();
        }
        live.add(gateway.snapshot().get());
        assertThat(live.get(live.size() - 1).positions()).isNotEmpty();

        final JournalLayout layout = JournalLayout.read(journal);
        assertThat(layout.symbols()).containsExactly("AAPL", "MSFT");
        assertThat(layout.brokers()).isEqualTo(2);
        for (final PortfolioSnapshot snapshot : live)
        {
            final JournalReplayer replayer = new JournalReplayer(layout.symbols(), layout.brokers());
            try (JournalReader reader = new JournalReader(journal))
            {
                replayer.replay(reader, snapshot.sequence());
            }
            final PortfolioSnapshot replayed = replayer.snapshot();
            assertThat(replayed.positions()).as("positions at sequence %d", snapshot.sequence())
                .isEqualTo(snapshot.positions());
            assertThat(replayed.openOrders()).as("open orders at sequence %d", snapshot.sequence())
                .isEqualTo(snapshot.openOrders());
            assertThat(replayed.digest()).as("digest at sequence %d", snapshot.sequence()).isEqualTo(snapshot.digest());
        }
    }

    private static void submit(final OrderGateway gateway, final java.util.function.Supplier<SubmitResult> command)
    {
        while (command.get() == SubmitResult.RING_FULL)
        {
            gateway.poll(r -> { }, 1024);
        }
    }

    private static io.ordergateway.core.state.PortfolioSnapshot snapshot(final OrderGateway gateway)
    {
        try
        {
            return gateway.snapshot().get(10, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            throw new AssertionError("no snapshot", ex);
        }
    }
}
