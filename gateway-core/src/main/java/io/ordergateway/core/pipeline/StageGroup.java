package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;

import java.util.List;

/**
 * Several stages run one after the other on one thread, for topologies that put more than one
 * stage on a thread. Each stage still sees every event in sequence order.
 */
final class StageGroup implements EventHandler<GatewayEvent>
{
    private final EventHandler<GatewayEvent>[] stages;

    @SuppressWarnings("unchecked")
    StageGroup(final List<EventHandler<GatewayEvent>> stages)
    {
        this.stages = stages.toArray(new EventHandler[0]); // an array: indexed loops allocate no iterator
    }

    @Override
    public void onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        final EventHandler<GatewayEvent>[] stages = this.stages;
        for (int i = 0; i < stages.length; i++)
        {
            stages[i].onEvent(event, sequence, endOfBatch);
        }
    }

    @Override
    public void onStart()
    {
        for (final EventHandler<GatewayEvent> stage : stages)
        {
            stage.onStart();
        }
    }

    @Override
    public void onShutdown()
    {
        for (final EventHandler<GatewayEvent> stage : stages)
        {
            stage.onShutdown();
        }
    }
}
