package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.ordergateway.core.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import com.lmax.disruptor.TimeoutException;

/**
 * The Disruptor ring and the six stages (plus the state stage) composed onto threads by a
 * {@link Topology}. Multi-producer: strategies, broker I/O threads and the timer publish into it.
 * Every stage runs inside a {@link GuardedStage}, so nothing thrown stops the ring.
 */
public final class GatewayPipeline
{
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPipeline.class);

    private static final int STAGES = 8;

    private final Disruptor<GatewayEvent> disruptor;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(STAGES);

    /**
     * The stages, in pipeline order.
     *
     * @param validate stage 1.
     * @param throttle stage 2.
     * @param route    stage 3: runs after risk, on the state stage's thread, so it routes only orders that will be sent.
     * @param risk     pre-trade risk, on the state stage's thread (it reads the state stage's books).
     * @param state    the order and position owner (with stages 1 to 3).
     * @param journal  stage 4.
     * @param send     stage 5.
     * @param egress   stage 6.
     */
    public record Stages(
        EventHandler<GatewayEvent> validate,
        EventHandler<GatewayEvent> throttle,
        EventHandler<GatewayEvent> route,
        EventHandler<GatewayEvent> risk,
        EventHandler<GatewayEvent> state,
        EventHandler<GatewayEvent> journal,
        EventHandler<GatewayEvent> send,
        EventHandler<GatewayEvent> egress)
    {
    }

    /**
     * @param name         prefix of the thread names.
     * @param topology     how stages map to threads.
     * @param waitStrategy how threads wait.
     * @param ringSize     slots in the ring, a power of two.
     * @param stages       the stages.
     * @param metrics      where contained errors are counted.
     */
    public GatewayPipeline(
        final String name, final Topology topology, final WaitStrategyKind waitStrategy, final int ringSize, final Stages stages,
        final GatewayMetrics metrics)
    {
        if (Integer.bitCount(ringSize) != 1 || ringSize < 2)
        {
            throw new IllegalArgumentException("ring size must be a power of two of at least 2, was " + ringSize);
        }
        final GuardedStage validate = new GuardedStage("validate", stages.validate(), metrics, started::countDown);
        final GuardedStage throttle = new GuardedStage("throttle", stages.throttle(), metrics, started::countDown);
        final GuardedStage route = new GuardedStage("route", stages.route(), metrics, started::countDown);
        final GuardedStage risk = new GuardedStage("risk", stages.risk(), metrics, started::countDown);
        final GuardedStage state = new GuardedStage("state", stages.state(), metrics, started::countDown);
        final GuardedStage journal = new GuardedStage("journal", stages.journal(), metrics, started::countDown);
        final GuardedStage send = new GuardedStage("send", stages.send(), metrics, started::countDown);
        final GuardedStage egress = new GuardedStage("egress", stages.egress(), metrics, started::countDown);

        final List<String> threadNames = new ArrayList<>();
        final ThreadFactory factory = runnable ->
        {
            final String threadName = name + "-" + (threads.size() < threadNames.size() ? threadNames.get(threads.size()) : "stage");
            final Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
        disruptor = new Disruptor<>(GatewayEvent::new, ringSize, factory, ProducerType.MULTI, waitStrategy.create());
        disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
        if (topology == Topology.COMPACT)
        {
            threadNames.add("decide");
            threadNames.add("journal-send");
            disruptor.handleEventsWith(new StageGroup(List.of(validate, throttle, risk, route, state)))
                .then(new StageGroup(List.of(journal, send, egress)));
        }
        else
        {
            // Risk reads the state stage's books, so the two always share a thread; route sits between them so it
            // sees risk's denials (it counts only orders that will be sent: in flight, budgets, timeouts).
            final List<EventHandler<GatewayEvent>> chain = List.of(
                validate, throttle, new StageGroup(List.of(risk, route, state)), journal, send, egress);
            threadNames.addAll(List.of("validate", "throttle", "risk-route-state", "journal", "send", "egress"));
            EventHandlerGroup<GatewayEvent> group = null;
            for (final EventHandler<GatewayEvent> stage : chain)
            {
                group = group == null ? disruptor.handleEventsWith(stage) : group.then(stage);
            }
        }
    }

    /**
     * Starts the threads and waits until every stage runs.
     *
     * <p>The wait matters: {@code Disruptor.shutdown} only waits for consumers that are running, so
     * a gateway closed before its threads got going would halt them with events unprocessed (and
     * unjournaled). Once {@code start} returns, every stage is running.
     *
     * @return the ring to publish into.
     * @throws IllegalStateException if the stages do not all start within 10 seconds.
     */
    public RingBuffer<GatewayEvent> start()
    {
        final RingBuffer<GatewayEvent> ring = disruptor.start();
        try
        {
            if (!started.await(10, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("pipeline stages did not start within 10 s");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the pipeline", ex);
        }
        return ring;
    }

    /**
     * @return the ring.
     */
    public RingBuffer<GatewayEvent> ringBuffer()
    {
        return disruptor.getRingBuffer();
    }

    /**
     * Waits until every published event has passed every stage, then stops the threads and waits
     * for them to end.
     *
     * @param timeoutMillis how long to wait for the backlog before halting anyway.
     * @return true if every event was processed, false if the backlog did not clear in time.
     */
    public boolean shutdown(final long timeoutMillis)
    {
        boolean drained = true;
        try
        {
            disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            drained = false;
            LOG.warn("pipeline backlog did not clear in {} ms; halting with events unprocessed", timeoutMillis);
            disruptor.halt();
        }
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(timeoutMillis);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return drained;
    }

    /**
     * @return the pipeline's threads (ended after {@link #shutdown}).
     */
    public List<Thread> threads()
    {
        return List.copyOf(threads);
    }

    /**
     * Last line of defence: a stage's own guard should have caught everything.
     */
    private static final class LoggingExceptionHandler implements ExceptionHandler<GatewayEvent>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final GatewayEvent event)
        {
            LOG.error("unhandled exception at sequence {}; continuing", sequence, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.error("stage failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("stage failed to shut down", ex);
        }
    }
}
