package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.metrics.MonotonicClock;
import io.ordergateway.core.metrics.GatewayMetrics.BrokerCounter;
import io.ordergateway.core.metrics.GatewayMetrics.Counter;

/**
 * Stage 5: hands each journaled command that was not denied to its broker's adapter. Adapters
 * never block the ring (see {@link BrokerAdapter}); an adapter that cannot take a command reports a
 * reject through its sink.
 */
public final class SendStage implements EventHandler<GatewayEvent>
{
    private final BrokerAdapter[] brokers;
    private final GatewayMetrics metrics;

    /**
     * @param brokers the adapters, by broker id.
     * @param metrics where to count and time.
     */
    public SendStage(final BrokerAdapter[] brokers, final GatewayMetrics metrics)
    {
        this.brokers = brokers.clone();
        this.metrics = metrics;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        if (!e.type.isCommand() || e.isDenied())
        {
            return;
        }
        final BrokerAdapter broker = brokers[e.brokerId];
        switch (e.type)
        {
            case NEW_ORDER:
                broker.sendNew(e);
                metrics.submitToSend().record(MonotonicClock.nanoTime() - e.ingressNanos);
                break;
            case CANCEL:
                broker.sendCancel(e);
                break;
            case REPLACE:
                broker.sendReplace(e);
                break;
            default:
                return;
        }
        metrics.add(Counter.SENT, 1);
        metrics.add(e.brokerId, BrokerCounter.SENT, 1);
    }
}
