package io.ordergateway.core.pipeline;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal stage appends per batch: the events of a batch share one document, appended at the
 * batch's last event; a lone event is appended at once; readers still see each event on its own;
 * an event that fails to encode leaves none of its records and the rest of its batch is kept.
 */
class JournalBatchTest
{
    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    @Test
    void aBatchIsOneDocumentALoneEventIsAppendedAtOnceAndReadersSeeEveryEvent()
    {
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalStage stage = stage(writer);
            stage.onEvent(ack(1), 0, true);
            assertThat(read()).as("a lone event, appended at once").isEqualTo(1);
            stage.onEvent(ack(2), 1, false);
            stage.onEvent(ack(3), 2, false);
            assertThat(read()).as("nothing more before the batch's last event").isEqualTo(1);
            stage.onEvent(ack(4), 3, true);
            assertThat(read()).as("the batch of three, one document").isEqualTo(2);
            assertThat(seen).containsExactly("--", "ack 1", "--", "ack 2", "--", "ack 3", "--", "ack 4");
            assertThat(stage.position()).isEqualTo(2);
            stage.onShutdown();
        }
    }

    @Test
    void anEventThatFailsToEncodeLeavesNoRecordAndItsBatchIsStillAppended()
    {
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalStage stage = stage(writer);
            stage.onEvent(ack(1), 0, false);
            final GatewayEvent broken = ack(2);
            broken.type = null; // the encoder's switch throws on it
            try
            {
                stage.onEvent(broken, 1, true);
            }
            catch (final RuntimeException expected)
            {
                // the guarded stage contains it in the gateway
            }
            assertThat(read()).as("the batch's good event is appended with its last").isEqualTo(1);
            assertThat(seen).containsExactly("--", "ack 1");
            stage.onShutdown();
        }
    }

    @Test
    void aFailedAppendDeniesEveryCommandOfItsBatchSoNoneIsSentUnjournaled()
    {
        final JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE);
        final JournalStage stage = stage(writer);
        stage.onEvent(ack(1), 0, true); // the journal exists
        final GatewayEvent first = cancel(2);
        final GatewayEvent second = cancel(3);
        stage.onEvent(first, 1, false);
        writer.close(); // the next append fails, as on a full disk
        try
        {
            stage.onEvent(second, 2, true);
        }
        catch (final RuntimeException expected)
        {
            // the guarded stage contains it in the gateway
        }
        assertThat(first.isDenied()).as("the batch's earlier command passed the journal stage, unjournaled").isTrue();
        assertThat(second.isDenied()).isTrue();
    }

    private static GatewayEvent cancel(final long orderId)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.CANCEL;
        e.orderId = orderId;
        e.brokerId = 0;
        return e;
    }

    private static JournalStage stage(final JournalWriter writer)
    {
        final JournalStage stage = new JournalStage(writer, new SymbolTable(List.of("AAPL")), new ClientOrderIds("t"));
        stage.onStart();
        return stage;
    }

    private static GatewayEvent ack(final long orderId)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.BROKER_ACK;
        e.orderId = orderId;
        e.brokerId = 0;
        e.brokerOrderId = 100 + orderId;
        e.stateAfter = OrderState.NEW;
        return e;
    }

    private long read()
    {
        seen.clear();
        try (JournalReader reader = new JournalReader(dir))
        {
            return reader.readAll(new JournalAdapter(new JournalListener()
            {
                @Override
                public void onDocument(final long documentIndex)
                {
                    seen.add("--");
                }

                @Override
                public void onBrokerAck(final long sequence, final long timestamp, final long orderId,
                    final int brokerId, final long brokerOrderId, final int state)
                {
                    seen.add("ack " + orderId);
                }
            }));
        }
    }
}
