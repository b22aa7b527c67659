package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.metrics.GatewayMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit in the ring: the send stage takes an event only once the journal is durable past
 * it, and it stays on the journal's thread (its own with PER_STAGE), so group commit adds no stage
 * thread. The stage agents are driven by hand: no threads, no clock.
 */
class DurableSendTest
{
    private final List<Long> journaled = new ArrayList<>();
    private final List<Long> sent = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void theSendStageWaitsForTheDurableSequenceNotJustTheJournal(final Topology topology) throws Exception
    {
        final GatewayPipeline pipeline = pipeline(topology, true);
        publish(pipeline, 3);
        runStages(pipeline);
        assertThat(journaled).as("journaled at once").containsExactly(0L, 1L, 2L);
        assertThat(pipeline.journaled().get()).isEqualTo(2);
        assertThat(sent).as("nothing sent before the journal is on the device").isEmpty();

        pipeline.durable().set(1); // the flusher forced the first two
        runStages(pipeline);
        assertThat(sent).containsExactly(0L, 1L);

        publish(pipeline, 1);
        runStages(pipeline);
        assertThat(sent).as("a later event does not pass the durable sequence either").containsExactly(0L, 1L);
        pipeline.durable().set(3);
        runStages(pipeline);
        assertThat(sent).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void pageCacheSendsRightAfterTheJournalAndHasNoDurableSequence() throws Exception
    {
        final GatewayPipeline pipeline = pipeline(Topology.SINGLE, false);
        publish(pipeline, 2);
        runStages(pipeline);
        assertThat(sent).containsExactly(0L, 1L);
        assertThat(pipeline.durable()).isNull();
    }

    @Test
    void groupCommitKeepsTheThreadCountOfEachTopology()
    {
        assertThat(pipeline(Topology.SINGLE, true).stageThreads()).hasSize(1)
            .first().satisfies(group -> assertThat(group).hasSize(2));
        assertThat(pipeline(Topology.COMPACT, true).stageThreads()).hasSize(2);
        assertThat(pipeline(Topology.PER_STAGE, true).stageThreads()).hasSize(5);
        assertThat(pipeline(Topology.SINGLE, false).stageThreads()).hasSize(1);
    }

    private GatewayPipeline pipeline(final Topology topology, final boolean durable)
    {
        final EventHandler<GatewayEvent> none = (e, s, end) -> { };
        final EventHandler<GatewayEvent> journal = (e, s, end) -> journaled.add(s);
        final EventHandler<GatewayEvent> send = (e, s, end) -> sent.add(s);
        return new GatewayPipeline(topology, 16, new GatewayPipeline.Stages(none, none, none, none, none, journal,
            send, none), () -> true, new GatewayMetrics(1), durable);
    }

    private static void publish(final GatewayPipeline pipeline, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final long sequence = pipeline.ring().next();
            pipeline.ring().get(sequence).reset();
            pipeline.ring().get(sequence).type = EventType.TICK;
            pipeline.ring().publish(sequence);
        }
    }

    private static void runStages(final GatewayPipeline pipeline) throws Exception
    {
        for (int round = 0; round < 3; round++)
        {
            for (final StageAgent agent : pipeline.stageAgents())
            {
                agent.doWork();
            }
            pipeline.egressAgent().doWork();
        }
    }
}
