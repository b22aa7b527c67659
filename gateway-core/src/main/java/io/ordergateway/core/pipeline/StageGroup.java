package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * Several stages run one after the other on one thread, for topologies that put more than one
 * stage on a thread. Each stage still sees every event in sequence order.
 */
final class StageGroup implements EventHandler<GatewayEvent>
{
    private final EventHandler<GatewayEvent>[] stages;

    @SafeVarargs
    StageGroup(final EventHandler<GatewayEvent>... stages)
    {
        this.stages = stages.clone();
    }

    @Override
    public void onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        for (final EventHandler<GatewayEvent> stage : stages)
        {
            stage.onEvent(event, sequence, endOfBatch);
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
