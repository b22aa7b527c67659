package io.ordergateway.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link JournalPublisher} writes, {@link JournalAdapter} reads back field for field, through
 * a real Chronicle Queue: the one encoder and the one decoder agree on every record type.
 */
class JournalPublisherAdapterTest
{
    private static final long NULL = FixedPoint.NULL;

    @TempDir
    Path dir;

    @Test
    void everyRecordTypeComesBackWithTheFieldsItWasWrittenWith()
    {
        final SessionStart session = new SessionStart(9, 1_000, "gw1", JournalRecords.SCHEMA_VERSION, 0x1234_5678_9abcL,
            List.of(new SessionStart.Broker(0, "primary", "alpaca"), new SessionStart.Broker(1, "backup", "sim")),
            List.of("AAPL", "MSFT"));
        final RoutingSetup setup = new RoutingSetup(9, 1_000, 1, 3, 5_000, 6_000, 7_000, 8_000,
            List.of(new RoutingSetup.Broker(0, 0, 70, 10_000, 200, 20),
            new RoutingSetup.Broker(1, 1, 30, 20_000, 100, 10)), Map.of(4, 2), Map.of(1, 5), false,
            RoutingSetup.RESUME_MANUAL);
        final byte[] id = "gw1-7".getBytes(StandardCharsets.US_ASCII);
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalPublisher p = new JournalPublisher(writer);
            p.begin().sessionStart(session).routingSetup(setup).commit();
            p.begin().orderNew(10, 2_000, 7, 1, 2, 1, JournalPublisher.symbolBytes("MSFT"), 2, 2, 1, 1, true,
                5_000_000_000L, 41_000_000_000L, NULL, NULL, NULL, NULL, NULL, NULL).orderRouted(10, 2_000, 7, 1, 5)
                .orderSent(10, 2_000, 7, 1, 1, id, id.length).commit();
            p.begin().orderCancel(11, 3_000, 7).orderDenied(11, 3_000, 7, 2, 19, JournalListener.NULL_CODE, NULL, NULL)
                .commit();
            p.begin().orderReplace(12, 4_000, 7, 6_000_000_000L, 40_000_000_000L, NULL).commit();
            p.begin().brokerAck(13, 5_000, 7, 1, 77, 2).commit();
            p.begin().fill(false, 14, 6_000, 7, 1, 900, 2, 1, 1_000_000_000L, 41_000_000_000L, 1_000_000_000L,
                4_000_000_000L, 41_000_000_000L, 3, true).commit();
            p.begin().fill(true, 15, 7_000, 7, 1, 901, 2, 1, 4_000_000_000L, 41_000_000_000L, 5_000_000_000L, 0,
                41_000_000_000L, 4, false)
                .eventRefused(15, 7_000, 7, JournalRecords.FILL, 2, 4).commit();
            p.begin().brokerReject(16, 8_000, 8, 0, 1, 13, 403, 9, true).commit();
            p.begin().cancelConfirmed(17, 9_000, 9, 0, 1_000_000_000L, 6).expired(17, 9_000, 10, 0, 0, 11).commit();
            p.begin().replaceConfirmed(18, 10_000, 11, 0, 3_000_000_000L, 39_000_000_000L, NULL, 2).commit();
            p.begin().tradingControl(19, 11_000, 1, -1, true).tick(20, 12_000).routingChange(20, 12_000, 0, 6, 1, 0, 0)
                .commit();
            p.begin().probeResult(21, 13_000, 0, false).routingCommand(22, 14_000, 2, 1)
                .routingCommand(22, 14_000, 4, -1).commit();
            p.begin().settingsChange(23, 15_000, 2, "limits: maxOrderQuantity=10")
                .brokerBudget(24, 16_000, 0, 3, 99_000).commit();
            assertThat(p.begin().commit()).as("an empty document is not appended").isEqualTo(-1);
        }

        final RecordingListener listener = new RecordingListener();
        try (JournalReader reader = new JournalReader(dir))
        {
            assertThat(reader.readAll(new JournalAdapter(listener))).isEqualTo(13);
        }

        assertThat(listener.start).isEqualTo(session);
        assertThat(listener.start.brokerName(0)).isEqualTo("primary");
        assertThat(listener.start.brokerName(5)).isEqualTo("broker-5");
        assertThat(listener.routing).isEqualTo(setup);
        assertThat(listener.seen).containsExactly(
            "--",
            "--",
            "new 10 2000 7 1 2 1 MSFT 2 2 1 1 true 5000000000 41000000000 true",
            "routed 7 1 5",
            "sent 7 1 1 gw1-7",
            "--",
            "cancel 11 7",
            "denied 7 2 19 -1 true",
            "--",
            "replace 7 6000000000 40000000000 true",
            "--",
            "ack 7 1 77 2",
            "--",
            "fill false 14 6000 7 1 900 2 1 1000000000 41000000000 1000000000 4000000000 41000000000 3 true",
            "--",
            "fill true 15 7000 7 1 901 2 1 4000000000 41000000000 5000000000 0 41000000000 4 false",
            "refused 7 Fill 2 4",
            "--",
            "reject 8 0 1 13 403 9 true",
            "--",
            "canceled 9 1000000000 6",
            "expired 10 0 11",
            "--",
            "replaced 11 3000000000 39000000000 2",
            "--",
            "control 1 -1 true",
            "--", // a document may hold several ring events (a batch): a new one begins where the sequence changes
            "tick 20 12000",
            "change 6 1 0 0",
            "--",
            "probe 0 false",
            "--",
            "command 2 1",
            "command 4 -1",
            "--",
            "settings 2 limits: maxOrderQuantity=10",
            "--",
            "budget 0 3 99000");
    }

    @Test
    void theFormatterNamesBrokersFromTheSessionStartAndARecordOfALaterVersionIsReportedNotMisread()
    {
        final List<String> lines = new ArrayList<>();
        final RecordFormatter formatter = new RecordFormatter((type, line) -> lines.add(line.toString()));
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalPublisher p = new JournalPublisher(writer);
            p.begin().orderRouted(1, 0, 3, 1, 1).commit();
            p.begin().sessionStart(new SessionStart(1, 0, "gw1", JournalRecords.SCHEMA_VERSION, 1,
                List.of(new SessionStart.Broker(0, "primary", "sim"), new SessionStart.Broker(1, "backup", "fix")),
                List.of("AAPL"))).commit();
            p.begin().orderRouted(2, 0, 4, 1, 1).commit();
        }
        try (JournalReader reader = new JournalReader(dir))
        {
            reader.readAll(formatter.adapter());
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).as("before any session start: ids").contains("order=3 broker=1 policy=PRIMARY_ONLY");
        assertThat(lines.get(1)).contains("SessionStart").contains("instance=gw1")
            .contains("brokers=primary(sim),backup(fix)")
            .contains("symbols=AAPL");
        assertThat(lines.get(2)).contains("order=4 broker=backup policy=PRIMARY_ONLY");

        final List<Integer> unknown = new ArrayList<>();
        final JournalAdapter adapter = new JournalAdapter(new JournalListener()
        {
            @Override
            public void onUnknownRecord(final int templateId, final long sequence, final long timestamp,
                final long orderId, final int blockLength)
            {
                unknown.add(templateId);
                assertThat(orderId).isEqualTo(5);
            }
        });
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[64]);
        buffer.putLong(8, 1, java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(24, 5, java.nio.ByteOrder.LITTLE_ENDIAN);
        adapter.onRecord(31, buffer, 8, 24, JournalRecords.SCHEMA_VERSION, 0);
        assertThat(unknown).containsExactly(31);
    }

    @Test
    void aRoutingSetupOfSchemaVersionFiveReadsAsFailoverOnAndPausesEndingByThemselves()
    {
        final org.agrona.concurrent.UnsafeBuffer v6 = new org.agrona.concurrent.UnsafeBuffer(new byte[256]);
        final io.ordergateway.journal.sbe.RoutingSetupEncoder e = new io.ordergateway.journal.sbe.RoutingSetupEncoder()
            .wrap(v6, 0).sequence(3).timestamp(4).orderId(0)
            .defaultPolicy(io.ordergateway.journal.sbe.RoutingPolicy.PRIMARY_ONLY).failureThreshold(5)
            .breakerOpenNanos(6).recoveryNanos(7).holdDownNanos(8).sendTimeoutNanos(9)
            .failover(io.ordergateway.journal.sbe.BooleanType.FALSE)
            .resumeAfterPause(io.ordergateway.journal.sbe.ResumeAfterPause.MANUAL);
        e.brokersCount(1).next().brokerId(0).chainPosition(0).weightPercent(100).costBps(0).apiRatePerSecond(0)
            .apiBurst(1);
        e.accountPoliciesCount(0);
        e.symbolPoliciesCount(0);
        final int length = e.encodedLength();
        // the same record as version 5 wrote it: the root block without the two version 6 fields at its end
        final int v5Block = io.ordergateway.journal.sbe.RoutingSetupEncoder.failoverEncodingOffset();
        final int v6Block = io.ordergateway.journal.sbe.RoutingSetupEncoder.BLOCK_LENGTH;
        final org.agrona.concurrent.UnsafeBuffer v5 = new org.agrona.concurrent.UnsafeBuffer(new byte[256]);
        v5.putBytes(0, v6, 0, v5Block);
        v5.putBytes(v5Block, v6, v6Block, length - v6Block);

        final RecordingListener listener = new RecordingListener();
        final JournalAdapter adapter = new JournalAdapter(listener);
        adapter.onRecord(JournalRecords.ROUTING_SETUP, v5, 0, v5Block, 5, 0);
        assertThat(listener.routing.failover()).isTrue();
        assertThat(listener.routing.resumeAfterPause()).isEqualTo(RoutingSetup.RESUME_AUTO);
        assertThat(listener.routing.sendTimeoutNanos()).isEqualTo(9);
        assertThat(listener.routing.brokers()).containsExactly(new RoutingSetup.Broker(0, 0, 100, 0, 0, 1));

        adapter.onRecord(JournalRecords.ROUTING_SETUP, v6, 0, v6Block, JournalRecords.SCHEMA_VERSION, 1);
        assertThat(listener.routing.failover()).isFalse();
        assertThat(listener.routing.resumeAfterPause()).isEqualTo(RoutingSetup.RESUME_MANUAL);
        assertThat(listener.routing.brokers()).containsExactly(new RoutingSetup.Broker(0, 0, 100, 0, 0, 1));
    }

    /**
     * Writes down every record it is given, one line each, and keeps the session's values.
     */
    private static final class RecordingListener implements JournalListener
    {
        private final List<String> seen = new ArrayList<>();
        private SessionStart start;
        private RoutingSetup routing;

        @Override
        public void onDocument(final long documentIndex)
        {
            seen.add("--");
        }

        @Override
        public void onSessionStart(final SessionStart s)
        {
            start = s;
        }

        @Override
        public void onRoutingSetup(final RoutingSetup s)
        {
            routing = s;
        }

        @Override
        public void onOrderNew(final OrderNewView o)
        {
            seen.add("new " + o.sequence() + " " + o.timestamp() + " " + o.orderId() + " " + o.accountId() + " "
                + o.strategyId() + " " + o.symbolId() + " " + o.symbolName() + " " + o.side() + " " + o.orderType()
                + " " + o.timeInForce() + " " + o.orderClass() + " " + o.extendedHours() + " " + o.quantity() + " "
                + o.limitPrice() + " " + (o.stopPrice() == NULL));
        }

        @Override
        public void onOrderRouted(final long sequence, final long timestamp, final long orderId, final int brokerId,
            final int policy)
        {
            seen.add("routed " + orderId + " " + brokerId + " " + policy);
        }

        @Override
        public void onOrderSent(
            final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
            final String clientOrderId)
        {
            seen.add("sent " + orderId + " " + brokerId + " " + command + " " + clientOrderId);
        }

        @Override
        public void onOrderCancel(final long sequence, final long timestamp, final long orderId)
        {
            seen.add("cancel " + sequence + " " + orderId);
        }

        @Override
        public void onOrderDenied(
            final long sequence, final long timestamp, final long orderId, final int command, final int reason,
            final int field, final long value, final long bound)
        {
            seen.add("denied " + orderId + " " + command + " " + reason + " " + field + " " + (value == NULL));
        }

        @Override
        public void onOrderReplace(
            final long sequence, final long timestamp, final long orderId, final long quantity,
            final long limitPrice, final long stopPrice)
        {
            seen.add("replace " + orderId + " " + quantity + " " + limitPrice + " " + (stopPrice == NULL));
        }

        @Override
        public void onBrokerAck(
            final long sequence, final long timestamp, final long orderId, final int brokerId,
            final long brokerOrderId, final int state)
        {
            seen.add("ack " + orderId + " " + brokerId + " " + brokerOrderId + " " + state);
        }

        @Override
        public void onFill(final FillView f)
        {
            seen.add("fill " + f.complete() + " " + f.sequence() + " " + f.timestamp() + " " + f.orderId() + " "
                + f.brokerId() + " " + f.fillId() + " " + f.side() + " " + f.symbolId() + " " + f.lastQuantity()
                + " " + f.lastPrice() + " " + f.cumQuantity() + " " + f.leavesQuantity() + " " + f.avgPrice() + " "
                + f.state() + " " + f.fromReconciliation());
        }

        @Override
        public void onEventRefused(
            final long sequence, final long timestamp, final long orderId, final int refusedRecord, final int kind,
            final int state)
        {
            seen.add("refused " + orderId + " " + JournalRecords.name(refusedRecord) + " " + kind + " " + state);
        }

        @Override
        public void onBrokerReject(
            final long sequence, final long timestamp, final long orderId, final int brokerId, final int command,
            final int reason, final int brokerCode, final int state, final boolean fromReconciliation)
        {
            seen.add("reject " + orderId + " " + brokerId + " " + command + " " + reason + " " + brokerCode + " "
                + state + " " + fromReconciliation);
        }

        @Override
        public void onCancelConfirmed(
            final long sequence, final long timestamp, final long orderId, final int brokerId,
            final long cumQuantity, final int state)
        {
            seen.add("canceled " + orderId + " " + cumQuantity + " " + state);
        }

        @Override
        public void onExpired(
            final long sequence, final long timestamp, final long orderId, final int brokerId,
            final long cumQuantity, final int state)
        {
            seen.add("expired " + orderId + " " + cumQuantity + " " + state);
        }

        @Override
        public void onReplaceConfirmed(
            final long sequence, final long timestamp, final long orderId, final int brokerId, final long quantity,
            final long limitPrice, final long stopPrice, final int state)
        {
            seen.add("replaced " + orderId + " " + quantity + " " + limitPrice + " " + state);
        }

        @Override
        public void onTradingControl(
            final long sequence, final long timestamp, final int control, final int accountId,
            final boolean engaged)
        {
            seen.add("control " + control + " " + accountId + " " + engaged);
        }

        @Override
        public void onTick(final long sequence, final long timestamp)
        {
            seen.add("tick " + sequence + " " + timestamp);
        }

        @Override
        public void onRoutingChange(
            final long sequence, final long timestamp, final long orderId, final int kind, final int brokerId,
            final int otherBrokerId, final long value)
        {
            seen.add("change " + kind + " " + brokerId + " " + otherBrokerId + " " + value);
        }

        @Override
        public void onProbeResult(final long sequence, final long timestamp, final int brokerId,
            final boolean healthy)
        {
            seen.add("probe " + brokerId + " " + healthy);
        }

        @Override
        public void onRoutingCommand(final long sequence, final long timestamp, final int command,
            final int brokerId)
        {
            seen.add("command " + command + " " + brokerId);
        }

        @Override
        public void onSettingsChange(final long sequence, final long timestamp, final int version,
            final String settings)
        {
            seen.add("settings " + version + " " + settings);
        }

        @Override
        public void onBrokerBudget(
            final long sequence, final long timestamp, final int brokerId, final long remaining,
            final long resetNanos)
        {
            seen.add("budget " + brokerId + " " + remaining + " " + resetNanos);
        }
    }
}
