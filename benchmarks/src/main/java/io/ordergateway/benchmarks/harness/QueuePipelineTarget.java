package io.ordergateway.benchmarks.harness;

import io.ordergateway.testkit.echo.EchoBroker;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.calendar.AlwaysOpenCalendar;
import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EgressStage;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.JournalStage;
import io.ordergateway.core.state.OrderStateStage;
import io.ordergateway.core.risk.RiskStage;
import io.ordergateway.core.routing.RouteStage;
import io.ordergateway.core.pipeline.SendStage;
import io.ordergateway.core.throttle.ThrottleStage;
import io.ordergateway.core.validate.ValidateStage;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.Books;
import io.ordergateway.core.throttle.BucketSet;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalWriter;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The conventional design doing the same work: the same stage objects and the same journal, wired
 * with two {@link ArrayBlockingQueue}s and two threads (decide; journal + send + egress), a new
 * event object per order and per broker answer, as such code usually is. End point: the hand-off
 * to the adapter, as for {@link GatewayTarget}.
 */
final class QueuePipelineTarget implements LatencyTarget
{
    private static final int QUEUE_CAPACITY = 1 << 14;

    private final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
    private Path journal;
    private BlockingQueue<GatewayEvent> decideQueue;
    private BlockingQueue<GatewayEvent> sendQueue;
    private Thread decide;
    private Thread journalSend;
    private volatile boolean running;
    private EchoBroker echo;
    private AgentRunner echoRunner;
    private PlannedTimes times;

    @Override
    public String name()
    {
        return "conventional-queues";
    }

    @Override
    public void start(final int capacity, final int measureFrom) throws Exception
    {
        journal = TempJournal.create();
        times = new PlannedTimes(capacity, measureFrom);
        decideQueue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        sendQueue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final SymbolTable symbols = new SymbolTable(List.of("AAPL"));
        final Instrument[] instruments = {Instrument.of("AAPL")};
        final GatewayMetrics metrics = new GatewayMetrics(1);
        final Books books = new Books(1 << 14, 1 << 16, 1, new long[1]);
        final ValidateStage validate = new ValidateStage(instruments, new MarketCalendar[] {new AlwaysOpenCalendar()});
        final ThrottleStage throttle = new ThrottleStage(new BucketSet(0, 1), new BucketSet(0, 1), new BucketSet(0, 1));
        final RouteStage route = RouteStage.simple(RoutingPolicy.PRIMARY_ONLY, 1);
        final RiskStage risk = new RiskStage(RiskLimits.NONE, instruments, books.view());
        final OrderStateStage state = new OrderStateStage(books, symbols, metrics);
        final JournalWriter writer = new JournalWriter(journal, JournalFiles.DEFAULT_ROLL_CYCLE);
        final JournalStage journalStage = new JournalStage(writer, symbols, new ClientOrderIds("gw1"));
        echo = new EchoBroker("echo", FixedPoint.priceFromCents(18_725));
        final TimedBroker timed = new TimedBroker(echo, 1);
        timed.times(times);
        final SendStage send = new SendStage(new BrokerAdapter[] {timed}, metrics);
        final EgressStage egress = new EgressStage(null, report -> { }, () -> !running);
        timed.open(BrokerContext.standalone(0, new QueueSink(), symbols, new ClientOrderIds("gw1")));
        timed.connect();
        // The broker side, as the gateway's target has it: the echo broker's agent, here on a thread of its own.
        echoRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null, echo.agent());
        AgentRunner.startOnThread(echoRunner);

        running = true;
        decide = new Thread(() ->
        {
            long sequence = 0;
            while (running || !decideQueue.isEmpty())
            {
                final GatewayEvent e = poll(decideQueue);
                if (e != null)
                {
                    validate.onEvent(e, sequence, true);
                    throttle.onEvent(e, sequence, true);
                    route.onEvent(e, sequence, true);
                    risk.onEvent(e, sequence, true);
                    state.onEvent(e, sequence++, true);
                    put(sendQueue, e);
                }
            }
        }, "conventional-decide");
        journalSend = new Thread(() ->
        {
            journalStage.onStart();
            long sequence = 0;
            while (running || !sendQueue.isEmpty())
            {
                final GatewayEvent e = poll(sendQueue);
                if (e != null)
                {
                    journalStage.onEvent(e, sequence, true);
                    send.onEvent(e, sequence, true);
                    egress.onEvent(e, sequence++, true);
                }
            }
            writer.close();
        }, "conventional-journal-send");
        decide.setDaemon(true);
        journalSend.setDaemon(true);
        decide.start();
        journalSend.start();
    }

    private static GatewayEvent poll(final BlockingQueue<GatewayEvent> queue)
    {
        try
        {
            return queue.poll(10, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void put(final BlockingQueue<GatewayEvent> queue, final GatewayEvent e)
    {
        try
        {
            queue.put(e);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private GatewayEvent event(final EventType type, final long orderId)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = type;
        e.orderId = orderId;
        e.timestamp = clock.nanoTime();
        e.ingressNanos = System.nanoTime();
        return e;
    }

    @Override
    public boolean offer(final int index, final long plannedNanos)
    {
        times.plan(index, plannedNanos);
        final GatewayEvent e = event(EventType.NEW_ORDER, index + 1);
        e.accountId = 1;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.MARKET;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = FixedPoint.quantity(1);
        return decideQueue.offer(e);
    }

    @Override
    public PlannedTimes times()
    {
        return times;
    }

    @Override
    public void close()
    {
        running = false;
        if (echo != null)
        {
            echo.disconnect();
            echoRunner.close();
            echo = null;
        }
        join(decide);
        join(journalSend);
        TempJournal.delete(journal);
        journal = null;
    }

    private static void join(final Thread thread)
    {
        if (thread != null)
        {
            try
            {
                thread.join(10_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What the broker says goes back into the decide queue, as a new event each time.
     */
    private final class QueueSink implements BrokerEventSink
    {
        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            final GatewayEvent e = event(EventType.BROKER_ACK, orderId);
            e.brokerId = 0;
            e.brokerOrderId = brokerOrderId;
            put(decideQueue, e);
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason,
            final int brokerCode)
        {
            final GatewayEvent e = event(EventType.BROKER_REJECT, orderId);
            e.brokerId = 0;
            e.command = command;
            e.brokerReason = reason;
            e.brokerCode = brokerCode;
            put(decideQueue, e);
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            final GatewayEvent e = event(EventType.BROKER_FILL, orderId);
            e.brokerId = 0;
            e.fillId = fillId;
            e.lastQuantity = quantity;
            e.lastPrice = price;
            put(decideQueue, e);
        }

        @Override
        public void canceled(final long orderId)
        {
            final GatewayEvent e = event(EventType.BROKER_CANCELED, orderId);
            e.brokerId = 0;
            put(decideQueue, e);
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
            final GatewayEvent e = event(EventType.BROKER_REPLACED, orderId);
            e.brokerId = 0;
            e.quantity = quantity;
            e.limitPrice = limitPrice;
            e.stopPrice = stopPrice;
            put(decideQueue, e);
        }

        @Override
        public void expired(final long orderId)
        {
            final GatewayEvent e = event(EventType.BROKER_EXPIRED, orderId);
            e.brokerId = 0;
            put(decideQueue, e);
        }
    }
}
