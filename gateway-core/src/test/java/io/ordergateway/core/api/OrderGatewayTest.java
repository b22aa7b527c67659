package io.ordergateway.core.api;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.testing.Await;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderGatewayTest
{
    @TempDir
    Path journal;

    private static NewOrder market(final int symbolId)
    {
        return new NewOrder().symbol(symbolId).side(Side.BUY).type(OrderType.MARKET).quantity(FixedPoint.quantity(1));
    }

    @Test
    void aFullRingRefusesCommandsAtOnceKeepsRoomForBrokerEventsAndLosesNothingAccepted() throws Exception
    {
        final SilentBroker broker = new SilentBroker();
        try (OrderGateway gateway = OrderGateway.builder().symbols("AAPL").broker(broker).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).ringSize(8).build())
        {
            final NewOrder order = market(0);
            int accepted = 0;
            SubmitResult result = SubmitResult.ACCEPTED;
            for (int i = 0; i < 100 && result == SubmitResult.ACCEPTED; i++)
            {
                result = gateway.submit(order);
                if (result == SubmitResult.ACCEPTED)
                {
                    accepted++;
                }
            }
            assertThat(result).as("nothing drains the ring until the test invokes").isEqualTo(SubmitResult.RING_FULL);
            assertThat(accepted).isEqualTo(6); // 8 slots, a quarter of them kept for broker events
            assertThat(gateway.cancel(1)).isEqualTo(SubmitResult.RING_FULL);
            broker.context.sink().acknowledged(1, 1); // commands are refused, but what a broker says still gets in

            final ReportCollector reports = new ReportCollector(gateway);
            reports.awaitUntil(r -> r.stream().filter(x -> x.type() == ReportType.SENT).count() == 6
                && r.stream().anyMatch(x -> x.type() == ReportType.ACKNOWLEDGED), Await.DEFAULT_TIMEOUT);
            assertThat(broker.news.get()).isEqualTo(accepted);
            assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        }
    }

    @Test
    void aListenerThatStopsHoldsBackOnlyItsReportsCommandsAreRefusedWithReportsBacklogAndAnAlertSaysWhy() throws
        Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger sent = new AtomicInteger();
        final ExecutionReportHandler blockedStrategy = report ->
        {
            try
            {
                release.await(30, TimeUnit.SECONDS); // holds the egress thread: reports back up behind it
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            if (report.type() == ReportType.SENT)
            {
                sent.incrementAndGet();
            }
        };
        final SilentBroker broker = new SilentBroker();
        try (OrderGateway gateway = OrderGateway.builder().symbols("AAPL").broker(broker).journalDirectory(journal)
            .ringSize(16).polling(false).listener(blockedStrategy).build())
        {
            final NewOrder order = market(0);
            int accepted = 0;
            SubmitResult result = SubmitResult.ACCEPTED;
            while (result == SubmitResult.ACCEPTED || result == SubmitResult.RING_FULL)
            {
                result = gateway.submit(order);
                accepted += result == SubmitResult.ACCEPTED ? 1 : 0;
                assertThat(accepted).isLessThan(100);
            }
            assertThat(result).isEqualTo(SubmitResult.REPORTS_BACKLOG);
            final int taken = accepted;
            Await.until("journal and send go on while the listener is stuck", () -> broker.news.get() == taken);
            Await.until("the alert", () -> gateway.alerts().reportsBacklogs() == 1);
            assertThat(gateway.metrics()
                .get(io.ordergateway.core.metrics.GatewayMetrics.Counter.REFUSED_REPORTS_BACKLOG)).isPositive();
            broker.context.sink().acknowledged(1, 1); // broker events still get in

            release.countDown();
            Await.until("every report once the listener goes on", () -> sent.get() == taken);
            Await.until("commands are taken again", () -> gateway.submit(order) == SubmitResult.ACCEPTED);
        }
    }

    @Test
    void aStrategyThatStopsPollingIsRefusedWithReportsBacklogUntilItPollsAndNoReportIsLost() throws Exception
    {
        final SilentBroker broker = new SilentBroker();
        try (OrderGateway gateway = OrderGateway.builder().symbols("AAPL").broker(broker).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).ringSize(64).pollQueueBytes(4096).build())
        {
            final NewOrder order = market(0);
            int accepted = 0;
            SubmitResult result = SubmitResult.ACCEPTED;
            while (result != SubmitResult.REPORTS_BACKLOG)
            {
                result = gateway.submit(order);
                accepted += result == SubmitResult.ACCEPTED ? 1 : 0;
                Await.idle(gateway.invoker());
                assertThat(accepted).isLessThan(1000);
            }
            assertThat(broker.news.get()).as("every accepted order was journaled and sent").isEqualTo(accepted);
            assertThat(gateway.alerts().reportsBacklogs()).isEqualTo(1);

            final ReportCollector reports = new ReportCollector(gateway);
            final int taken = accepted;
            reports.awaitUntil(r -> r.size() >= taken, Await.DEFAULT_TIMEOUT);
            assertThat(reports.all()).hasSize(taken);
            assertThat(reports.all()).allMatch(r -> r.type() == ReportType.SENT);
            assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        }
    }

    @Test
    void afterCloseCommandsAreRefusedAndNoPipelineThreadRuns() throws Exception
    {
        final OrderGateway gateway =
            OrderGateway.builder().symbols("AAPL").broker(new SilentBroker()).journalDirectory(journal).build();
        final List<Thread> threads = gateway.threads();
        assertThat(threads).as("SHARED, one stage thread: the stages and the other agents").hasSize(2)
            .allMatch(Thread::isAlive)
            .extracting(Thread::getName).containsExactly("gateway-gw1-stages", "gateway-gw1-agents");
        assertThat(gateway.submit(market(0))).isEqualTo(SubmitResult.ACCEPTED);

        gateway.close();

        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(gateway.submit(market(0))).isEqualTo(SubmitResult.CLOSED);
        assertThat(gateway.cancel(1)).isEqualTo(SubmitResult.CLOSED);
        final PortfolioSnapshot last = gateway.snapshot().get(1, TimeUnit.SECONDS);
        assertThat(last.openOrders()).singleElement()
            .satisfies(o -> assertThat(o.state()).isEqualTo(OrderState.PENDING_NEW));
        gateway.close(); // idempotent
    }

    @Test
    void aGatewayClosedRightAfterItStartedStillJournalsWhatItAcceptedAndARestartContinuesTheIds()
    {
        // Regression: close() straight after build() used to halt stage threads that had not started
        // yet, so accepted orders were never journaled and a restart reused their ids. A warm JVM
        // showed it on the second cycle every time.
        for (int cycle = 0; cycle < 10; cycle++)
        {
            final Path dir = journal.resolve("cycle-" + cycle);
            final NewOrder order = market(0);
            try (OrderGateway first =
                OrderGateway.builder().symbols("AAPL").broker(new SilentBroker()).journalDirectory(dir).build())
            {
                first.submit(order);
                first.submit(order);
            }
            assertThat(order.orderId()).isEqualTo(2);
            try (OrderGateway second =
                OrderGateway.builder().symbols("AAPL").broker(new SilentBroker()).journalDirectory(dir)
                .onUnexplainedDifferences(false).build()) // a silent broker cannot be asked about the orders in flight
            {
                second.submit(order);
            }
            assertThat(order.orderId()).as("cycle %d", cycle).isEqualTo(3);
        }
    }

    @Test
    void groupCommitSendsAndReportsOnceTheJournalIsForcedWithItsFlusherOnAThreadOfItsOwn()
    {
        final SilentBroker broker = new SilentBroker();
        try (OrderGateway gateway = OrderGateway.builder().symbols("AAPL").broker(broker).journalDirectory(journal)
            .journalDurability(io.ordergateway.journal.JournalDurability.GROUP_COMMIT).build())
        {
            assertThat(gateway.threads()).extracting(Thread::getName)
                .containsExactly("gateway-gw1-stages", "gateway-gw1-flusher", "gateway-gw1-agents");
            final NewOrder order = market(0);
            for (int i = 0; i < 20; i++)
            {
                assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
            }
            final List<String> seen = new CopyOnWriteArrayList<>();
            awaitReports(gateway, seen, 20);
            assertThat(seen).allMatch(r -> r.equals("SENT PENDING_NEW"));
            assertThat(broker.news.get()).isEqualTo(20);
        }
    }

    @Test
    void groupCommitRunsInTheInvokerToo()
    {
        final SilentBroker broker = new SilentBroker();
        try (OrderGateway gateway = OrderGateway.builder().symbols("AAPL").broker(broker).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER)
            .journalDurability(io.ordergateway.journal.JournalDurability.GROUP_COMMIT).build())
        {
            assertThat(gateway.submit(market(0))).isEqualTo(SubmitResult.ACCEPTED);
            Await.idle(gateway.invoker());
            assertThat(broker.news.get()).isEqualTo(1);
        }
    }

    @Test
    void reportsReachAPollingStrategyWithTheStateAfterEachEvent()
    {
        final SilentBroker broker = new SilentBroker();
        try (OrderGateway gateway =
            OrderGateway.builder().symbols("AAPL").broker(broker).journalDirectory(journal).build())
        {
            final NewOrder order = market(0);
            gateway.submit(order);
            final List<String> seen = new CopyOnWriteArrayList<>();
            awaitReports(gateway, seen, 1);
            broker.context.sink().acknowledged(order.orderId(), 77); // this test thread plays the broker's I/O thread
            broker.context.sink().filled(order.orderId(), 1, FixedPoint.quantity(1), FixedPoint.priceFromCents(1000));
            broker.context.sink().filled(order.orderId(), 1, FixedPoint.quantity(1), FixedPoint.priceFromCents(1000));
            awaitReports(gateway, seen, 4);
            assertThat(seen).containsExactly("SENT PENDING_NEW", "ACKNOWLEDGED NEW", "FILL FILLED",
                "EVENT_REFUSED FILLED");
        }
    }

    @Test
    void killSwitchDeniesNewOrdersLetsCancelsThroughAndIsJournaled() throws Exception
    {
        try (OrderGateway gateway =
            OrderGateway.builder().symbols("AAPL").broker(new SilentBroker()).journalDirectory(journal).build())
        {
            final NewOrder order = market(0).account(7);
            gateway.submit(order);
            final long working = order.orderId();
            final List<String> seen = new CopyOnWriteArrayList<>();
            awaitReports(gateway, seen, 1);

            assertThat(gateway.controls().killSwitch(7, true)).isEqualTo(SubmitResult.ACCEPTED);
            gateway.submit(order);
            gateway.submit(market(0).account(8)); // another account still trades
            assertThat(gateway.controls().cancelAllOpen(7, 5_000)).isEqualTo(1);
            awaitReports(gateway, seen, 4);
            assertThat(seen.subList(1, 4)).containsExactly("DENIED DENIED", "SENT PENDING_NEW", "SENT PENDING_CANCEL");
            assertThat(gateway.metrics().deniedCount(io.ordergateway.core.domain.RejectReason.KILL_SWITCH))
                .isEqualTo(1);
            assertThat(working).isEqualTo(1);

            gateway.controls().killSwitch(7, false);
            gateway.submit(order);
            awaitReports(gateway, seen, 5);
            assertThat(seen.get(4)).isEqualTo("SENT PENDING_NEW");
        }
        final List<String> controls = new java.util.ArrayList<>();
        try (io.ordergateway.journal.JournalReader reader = new io.ordergateway.journal.JournalReader(journal))
        {
            final io.ordergateway.journal.RecordFormatter formatter = new io.ordergateway.journal.RecordFormatter();
            reader.readAll((t, b, o, l, v, i) ->
            {
                if (io.ordergateway.journal.RecordFormatter.recordName(t).equals("TradingControl"))
                {
                    controls.add(formatter.format(new StringBuilder(), t, b, o, l, v).toString());
                }
            });
        }
        assertThat(controls).hasSize(2);
        assertThat(controls.get(0)).contains("KILL_SWITCH ON account=7");
        assertThat(controls.get(1)).contains("KILL_SWITCH OFF account=7");
    }

    @Test
    void anAgentAddedRightAfterTheStartRunsWithTheOtherAgentsAndIsClosedWithTheGateway()
    {
        // Regression: the agents' thread takes an agent only once it has started; an add straight after build() threw
        // "add called when not active" (seen as a demo with a configuration file that exited at once).
        for (int cycle = 0; cycle < 10; cycle++)
        {
            final AtomicInteger duties = new AtomicInteger();
            final CountDownLatch closed = new CountDownLatch(1);
            final OrderGateway gateway = OrderGateway.builder().symbols("AAPL").broker(new SilentBroker())
                .journalDirectory(journal.resolve("cycle-" + cycle)).build();
            gateway.addAgent("extra", new org.agrona.concurrent.Agent()
            {
                @Override
                public int doWork()
                {
                    duties.incrementAndGet();
                    return 0;
                }

                @Override
                public void onClose()
                {
                    closed.countDown();
                }

                @Override
                public String roleName()
                {
                    return "extra";
                }
            });
            // a second add at once waits its turn
            gateway.addAgent("another", new org.agrona.concurrent.DynamicCompositeAgent("another"));
            Await.until("the added agent runs", () -> duties.get() > 0);
            gateway.close();
            assertThat(closed.getCount()).as("closed with the gateway").isZero();
        }
    }

    @Test
    void settingsThatCannotWorkAreAllListedAtOnce()
    {
        assertThatThrownBy(() ->
            OrderGateway.builder().ringSize(1000).polling(false).instanceId("bad id").journalDirectory(journal)
            .instrument(io.ordergateway.core.domain.Instrument.of("NOPRICE").withCalendar("mars"))
            .riskLimits(new io.ordergateway.core.risk.RiskLimits(0, 0, 100, 0, 0, 0)).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("riskLimits: max order notional, price band and gross exposure need a reference "
                + "price for every instrument; missing for [NOPRICE]")
            .hasMessageContaining("unknown market calendar 'mars'")
            .hasMessageContaining("brokers:")
            .hasMessageContaining("ringSize:")
            .hasMessageContaining("polling:")
            .hasMessageContaining("instance id");
    }

    private static void awaitReports(final OrderGateway gateway, final List<String> seen, final int count)
    {
        Await.until(count + " reports", () ->
        {
            gateway.poll(r -> seen.add(r.type() + " " + r.state()), 10);
            return seen.size() >= count;
        });
    }
}
