package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stage so that nothing it throws can stop the pipeline: the exception is counted and
 * logged, and a command it was working on is denied (never sent half-checked). The event still
 * goes on to the later stages, so it is journaled and reported.
 */
final class GuardedStage implements EventHandler<GatewayEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(GuardedStage.class);

    private final EventHandler<GatewayEvent> stage;
    private final String name;
    private final GatewayMetrics metrics;
    private long errors;

    GuardedStage(final String name, final EventHandler<GatewayEvent> stage, final GatewayMetrics metrics)
    {
        this.name = name;
        this.stage = stage;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            stage.onEvent(event, sequence, endOfBatch);
        }
        catch (final Throwable t)
        {
            contain(event, sequence, t);
        }
    }

    private void contain(final GatewayEvent event, final long sequence, final Throwable t)
    {
        if (event.type != null && event.type.isCommand())
        {
            event.deny(RejectReason.INVALID_ORDER, DetailField.NONE, 0, 0); // first: it must not be sent
        }
        try
        {
            metrics.add(GatewayMetrics.Counter.STAGE_ERRORS, 1);
            if (errors++ < 100 || Long.bitCount(errors) == 1)
            {
                LOG.error("stage {} failed on event {} at sequence {} (error #{}); the event goes on, denied if it was "
                    + "a command", name, event.type, sequence, errors, t);
            }
        }
        catch (final Throwable ignored)
        {
            // nothing may escape: the poller would release events a later stage (the journal) has not yet passed
        }
    }

    @Override
    public void onStart()
    {
        stage.onStart();
    }

    @Override
    public void onShutdown()
    {
        stage.onShutdown();
    }

    String name()
    {
        return name;
    }
}
