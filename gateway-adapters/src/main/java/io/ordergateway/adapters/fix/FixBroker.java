package io.ordergateway.adapters.fix;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.ordergateway.adapters.support.CommandQueue;
import io.ordergateway.adapters.support.QueuedCommand;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.decoder.AbstractResendRequestDecoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionConfiguration;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.ResendRequestController;
import uk.co.real_logic.artio.session.ResendRequestResponse;
import uk.co.real_logic.artio.session.Session;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A broker that speaks FIX 4.2 or 4.4, on Artio. The adapter's {@link #agent()} owns everything FIX: it polls the
 * Artio library, logs on (and on again after a drop, after a capped, jittered back-off), sends the commands the send
 * stage queued, and turns what comes back into the gateway's events ({@link FixExecutions}). It asks the engine to
 * log on only once the counterparty's port takes a connection ({@link FixPortProbe}). While the session is not
 * logged on the adapter is DOWN and refuses commands as CONNECTION_ERROR, so routing fails over; after each logon it
 * asks the counterparty about every order it has working (OrderStatusRequest) before it says HEALTHY. Sequence
 * numbers and sent messages survive restarts of either side ({@link FixEngineHost}); a resend request gets order
 * messages resent with PossDupFlag=Y, or gap-filled when older than {@code resendMaxAgeSeconds} or sent before this
 * process started, so a stale order is never executed late.
 */
public final class FixBroker implements BrokerAdapter, Agent, SessionHandler, ResendRequestController
{
    private static final Logger LOG = LoggerFactory.getLogger(FixBroker.class);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long QUESTION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int EVENTS_PER_MESSAGE = 3;

    private enum Link
    {
        CLOSED, DISCONNECTED, PROBING, CONNECTING, LOGGED_ON
    }

    private final FixConfig config;
    private final CommandQueue inbound = new CommandQueue(1 << 20);
    private final QueuedCommand queued = new QueuedCommand();
    private final ConcurrentLinkedQueue<Runnable> questions = new ConcurrentLinkedQueue<>();
    private final org.agrona.concurrent.MessageHandler commandHandler = this::onCommand;
    private final CommandQueue.RefusalHandler refusalHandler = this::onRefused;
    private final FixOrders orders = new FixOrders();
    private final FixSentMessages sent = new FixSentMessages();
    private volatile BrokerHealth health = BrokerHealth.DOWN;
    private volatile Link link = Link.CLOSED;
    private BrokerContext context;
    private BrokerEventSink sink;
    private EpochNanoClock clock;
    private volatile FixEngineHost host;
    private FixClOrdIds clOrdIds;
    private FixOrderEncoder encoder;
    private FixQueries queries;
    private FixExecutions executions;
    private Reply<Session> logon;
    private FixPortProbe probe;
    private long probeDeadlineNanos;
    private Session session;
    private long nextAttemptNanos;
    private int failedAttempts;
    private volatile long connectAttempts;
    private volatile boolean reporting;
    /** The gateway runs the agent: until then, a start-up question drives it on the asking thread. */
    private volatile boolean agentRunning;
    private volatile Thread agentThread;
    /** {@link #disconnect()} asks the agent's thread to log out and stop Artio. */
    private volatile boolean closeRequested;
    /** What came before {@link #connect()}, other than answers to questions: reported once connected. */
    private final org.agrona.ExpandableRingBuffer early = new org.agrona.ExpandableRingBuffer();
    private final org.agrona.ExpandableRingBuffer.MessageConsumer replayEarly = this::replayEarly;

    /**
     * @param config the broker's settings.
     */
    public FixBroker(final FixConfig config)
    {
        this.config = config;
    }

    @Override
    public String name()
    {
        return config.name();
    }

    @Override
    public String type()
    {
        return "fix";
    }

    @Override
    public BrokerCapabilities capabilities()
    {
        return new BrokerCapabilities(EnumSet.of(OrderType.MARKET, OrderType.LIMIT, OrderType.STOP,
            OrderType.STOP_LIMIT), EnumSet.allOf(TimeInForce.class), EnumSet.of(OrderClass.SIMPLE), true, true, false);
    }

    @Override
    public void open(final BrokerContext brokerContext)
    {
        this.context = brokerContext;
        this.sink = brokerContext.sink();
        this.clock = brokerContext.clock();
        this.clOrdIds = new FixClOrdIds(brokerContext.clientOrderIds());
        this.encoder = new FixOrderEncoder(clOrdIds, brokerContext.symbols(), config.account(), config.beginString());
        this.queries = new FixQueries(clOrdIds);
        this.executions = new FixExecutions(config.name(), orders, clOrdIds, queries, sent, brokerContext.symbols());
        this.executions.sink(sink);
        final Path dir = config.stateDirectory() != null ? config.stateDirectory()
            : brokerContext.stateDirectory();
        if (dir == null)
        {
            throw new IllegalStateException("fix broker " + config.name() + ": no directory for its session state");
        }
        host = FixEngineHost.launch(dir, brokerContext.threads(), config.heartbeatSeconds(),
            (s, info) -> onAcquired(s, info), this);
        link = Link.DISCONNECTED;
        // log on before the gateway trades, so its first orders find the session up; a counterparty that is down
        // delays the start by at most the logon timeout (the agent keeps trying after that)
        drive(() -> link == Link.LOGGED_ON, TimeUnit.SECONDS.toMillis(Math.min(config.logonTimeoutSeconds(), 10)));
    }

    /**
     * Runs the agent's duty cycles on this thread until the condition holds or the time is up: only before the
     * gateway runs the agent (opening, start-up questions).
     */
    private void drive(final java.util.function.BooleanSupplier done, final long timeoutMillis)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        final org.agrona.concurrent.IdleStrategy idle = new org.agrona.concurrent.BackoffIdleStrategy();
        while (!done.getAsBoolean() && !agentRunning && System.nanoTime() - deadline < 0)
        {
            idle.idle(doWork());
        }
    }

    @Override
    public void connect()
    {
        reporting = true;
    }

    @Override
    public Agent agent()
    {
        return this;
    }

    @Override
    public String roleName()
    {
        return "fix-" + config.name();
    }

    @Override
    public BrokerHealth health()
    {
        return health;
    }

    @Override
    public void sendNew(final OrderCommand c)
    {
        inbound.offer(c);
    }

    @Override
    public void sendCancel(final OrderCommand c)
    {
        inbound.offer(c);
    }

    @Override
    public void sendReplace(final OrderCommand c)
    {
        inbound.offer(c);
    }

    @Override
    public CompletableFuture<BrokerOrderStatus> askOrder(final long orderId, final String clientOrderId)
    {
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        questions.add(() -> ask(orderId, clientOrderId, answer));
        return answer;
    }

    /**
     * {@inheritDoc} Before the gateway runs the adapter's agent (start-up reconciliation), the asking thread drives
     * it: it logs on and waits for the answer itself.
     */
    @Override
    public BrokerOrderStatus queryOrder(final long orderId, final String clientOrderId, final long timeoutMillis)
        throws java.util.concurrent.TimeoutException
    {
        return queryOrder(orderId, clientOrderId, null, null, 0, 0, timeoutMillis);
    }

    /**
     * {@inheritDoc} The adapter tracks the order from now on (it was sent before a restart), from what the journal
     * has filled, so status requests about it carry the symbol and side FIX requires and its answer carries only the
     * fills the journal lacks.
     */
    @Override
    public BrokerOrderStatus queryOrder(final long orderId, final String clientOrderId, final String symbol,
        final io.ordergateway.core.domain.Side side, final long filled, final long averagePrice,
        final long timeoutMillis) throws java.util.concurrent.TimeoutException
    {
        final int symbolId = symbol == null ? -1 : context.symbols().id(symbol);
        if (symbolId >= 0 && side != null)
        {
            questions.add(() ->
            {
                final FixOrder o = orders.track(orderId);
                if (o.symbolId < 0)
                {
                    o.symbolId = symbolId;
                    o.side = side;
                    o.acknowledged = true; // the journal's: the answer says the rest
                    o.filled = filled;
                    o.notional = (double)filled * averagePrice;
                }
            });
        }
        final CompletableFuture<BrokerOrderStatus> answer = askOrder(orderId, clientOrderId);
        drive(answer::isDone, timeoutMillis);
        return io.ordergateway.core.broker.BrokerAnswers.await(answer, timeoutMillis, "order " + clientOrderId
            + " at " + name());
    }

    @Override
    public void onStart()
    {
        agentThread = Thread.currentThread();
        agentRunning = true;
    }

    @Override
    public int doWork()
    {
        if (host == null)
        {
            return 0;
        }
        if (closeRequested)
        {
            close();
            return 1;
        }
        final long now = clock.nanoTime();
        int work = 0;
        // a message makes at most three events (ack, fill, end): never more than the ring has room for, read afresh
        // before each step (see BrokerEventSink#room)
        if (reporting && !early.isEmpty() && room() >= EVENTS_PER_MESSAGE)
        {
            work += early.consume(replayEarly, room() / EVENTS_PER_MESSAGE);
        }
        try
        {
            work += host.library().poll(Math.min(16, room() / EVENTS_PER_MESSAGE));
        }
        catch (final IllegalStateException ex) // the library lost the engine: it connects again by itself
        {
            LOG.warn("{}: polling the FIX library failed", config.name(), ex);
            if (!host.library().isConnected() && (link == Link.CONNECTING || link == Link.LOGGED_ON))
            {
                logon = null;
                retryLater(now, "the FIX engine is not reachable (" + ex.getMessage() + ")");
            }
            return 1;
        }
        Runnable question;
        while ((question = questions.poll()) != null)
        {
            question.run();
            work++;
        }
        work += queries.expire(now);
        work += keepConnected(now);
        if (reporting && room() >= EVENTS_PER_MESSAGE)
        {
            work += inbound.drain(commandHandler, refusalHandler, Math.min(64, room() / EVENTS_PER_MESSAGE));
        }
        return work;
    }

    private int room()
    {
        return reporting ? sink.room() : Integer.MAX_VALUE; // before connect, what comes is kept, not reported
    }

    private int keepConnected(final long now)
    {
        switch (link)
        {
            case DISCONNECTED ->
            {
                if (now - nextAttemptNanos >= 0 && host.library().isConnected())
                {
                    if (probe == null)
                    {
                        probe = new FixPortProbe(config.host(), config.port());
                    }
                    probe.start();
                    connectAttempts++;
                    probeDeadlineNanos = now + TimeUnit.SECONDS.toNanos(config.logonTimeoutSeconds());
                    link = Link.PROBING;
                    return 1;
                }
            }
            case PROBING ->
            {
                final FixPortProbe.Result result = probe.poll();
                if (result == FixPortProbe.Result.OPEN)
                {
                    logon = host.library().initiate(sessionConfiguration());
                    link = Link.CONNECTING;
                    return 1;
                }
                if (result == FixPortProbe.Result.CLOSED || now - probeDeadlineNanos > 0)
                {
                    probe.close();
                    retryLater(now, "cannot connect: " + (result == FixPortProbe.Result.CLOSED ? probe.failure()
                        : "no answer within " + config.logonTimeoutSeconds() + " s"));
                    return 1;
                }
            }
            case CONNECTING ->
            {
                if (logon.hasCompleted())
                {
                    session = logon.resultIfPresent();
                    logon = null;
                    if (config.resetOnLogon() || session.lastSentMsgSeqNum() < sent.highest())
                    {
                        sent.clear(); // sequence numbers started again: the old ones name other messages now
                    }
                    failedAttempts = 0;
                    link = Link.LOGGED_ON;
                    LOG.info("{}: logged on to {}:{} as {} ({}, next sequence numbers {} out, {} in)", config.name(),
                        config.host(), config.port(), config.senderCompId(), config.beginString(),
                        session.lastSentMsgSeqNum() + 1, session.lastReceivedMsgSeqNum() + 1);
                    askAboutWorkingOrders();
                    health = BrokerHealth.HEALTHY;
                    return 1;
                }
                if (logon.hasErrored() || logon.hasTimedOut())
                {
                    final String why = logon.hasTimedOut() ? "no logon within " + config.logonTimeoutSeconds() + " s"
                        : String.valueOf(logon.error() == null ? "refused" : logon.error().getMessage());
                    logon = null;
                    retryLater(now, why);
                    return 1;
                }
            }
            default ->
            {
            }
        }
        return 0;
    }

    private void retryLater(final long now, final String why)
    {
        link = Link.DISCONNECTED;
        session = null;
        health = BrokerHealth.DOWN;
        final long base = TimeUnit.SECONDS.toNanos(config.reconnectSeconds());
        final long backoff = Math.min(MAX_BACKOFF_NANOS, base << Math.min(failedAttempts, 6));
        failedAttempts++;
        final long wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        nextAttemptNanos = now + wait;
        LOG.warn("{}: FIX session to {}:{} down ({}); connecting again in {} ms", config.name(), config.host(),
            config.port(), why, TimeUnit.NANOSECONDS.toMillis(wait));
    }

    private SessionConfiguration sessionConfiguration()
    {
        final SessionConfiguration.Builder b = SessionConfiguration.builder()
            .address(config.host(), config.port())
            .senderCompId(config.senderCompId())
            .targetCompId(config.targetCompId())
            .sequenceNumbersPersistent(true)
            .resetSeqNum(config.resetOnLogon())
            .timeoutInMs(TimeUnit.SECONDS.toMillis(config.logonTimeoutSeconds()))
            .fixDictionary(FixConfig.FIX42.equals(config.beginString())
                ? io.ordergateway.adapters.fix.codec42.FixDictionaryImpl.class
                : io.ordergateway.adapters.fix.codec.FixDictionaryImpl.class);
        if (config.username() != null)
        {
            b.credentials(config.username(), config.password());
        }
        return b.build();
    }

    private SessionHandler onAcquired(final Session s, final SessionAcquiredInfo info)
    {
        return this;
    }

    private void askAboutWorkingOrders()
    {
        if (queries.unsupported() != null)
        {
            return;
        }
        orders.forEachWorking(o ->
        {
            if (!queries.answers(o.orderId)) // a question of the gateway's asks about it anyway
            {
                sendStatusRequest(o.orderId);
            }
        });
        queries.askUnasked(this::sendStatusRequest);
    }

    private boolean sendStatusRequest(final long orderId)
    {
        final FixOrder o = orders.get(orderId);
        return send(encoder.status(orderId, o == null ? 0 : o.currentRequest, o == null ? -1 : o.symbolId,
            o == null ? null : o.side, queries.nextRequestId()), orderId, CommandKind.NEW, false);
    }

    private void ask(final long orderId, final String clientOrderId, final CompletableFuture<BrokerOrderStatus> answer)
    {
        if (queries.unsupported() != null)
        {
            answer.completeExceptionally(new UnsupportedOperationException(queries.unsupported()));
            return;
        }
        queries.add(orderId, clientOrderId, answer, clock.nanoTime() + QUESTION_TIMEOUT_NANOS);
        if (link == Link.LOGGED_ON && sendStatusRequest(orderId))
        {
            queries.asked(orderId);
        }
    }

    private void onCommand(final int msgType, final org.agrona.MutableDirectBuffer buffer, final int index,
        final int length)
    {
        final QueuedCommand c = queued.wrap(buffer, index);
        final long orderId = c.orderId();
        if (link != Link.LOGGED_ON)
        {
            sink.rejected(orderId, c.command(), RejectReason.CONNECTION_ERROR, 0);
            return;
        }
        final long epochMillis = clock.nanoTime() / 1_000_000L;
        switch (c.command())
        {
            case NEW ->
            {
                final FixOrder o = orders.track(orderId);
                o.symbolId = c.symbolId();
                o.side = c.side();
                o.type = c.orderType();
                o.timeInForce = c.timeInForce();
                o.quantity = c.quantity();
                o.limitPrice = c.limitPrice();
                o.stopPrice = c.stopPrice();
                if (!send(encoder.newOrder(o, epochMillis), orderId, CommandKind.NEW, true))
                {
                    orders.finished(o);
                    sink.rejected(orderId, CommandKind.NEW, RejectReason.SERVICE_UNAVAILABLE, 0);
                }
            }
            default -> // a cancel or a replace
            {
                final boolean replace = c.command() == CommandKind.REPLACE;
                FixOrder o = orders.get(orderId);
                if (o == null)
                {
                    o = orders.track(orderId); // working since before a restart: the command says what it is
                    o.symbolId = c.symbolId();
                    o.side = c.side();
                    o.quantity = c.quantity();
                    o.acknowledged = true;
                }
                // the gateway's view of the order: an order learnt from a report has no type or time in force
                o.type = c.orderType();
                o.timeInForce = c.timeInForce();
                if (o.done)
                {
                    sink.rejected(orderId, c.command(), RejectReason.ORDER_NOT_ACTIVE, 0);
                    return;
                }
                if (o.pendingRequest != 0)
                {
                    sink.rejected(orderId, c.command(), RejectReason.ORDER_NOT_ACTIVE, 0);
                    return;
                }
                o.lastRequest = Math.max(o.lastRequest, o.currentRequest) + 1;
                o.pendingRequest = o.lastRequest;
                o.pendingIsReplace = replace;
                o.pendingQuantity = c.quantity();
                o.pendingLimit = c.limitPrice();
                o.pendingStop = c.stopPrice();
                final Encoder m = replace ? encoder.replace(o, epochMillis) : encoder.cancel(o, epochMillis);
                if (!send(m, orderId, c.command(), true))
                {
                    o.pendingRequest = 0;
                    sink.rejected(orderId, c.command(), RejectReason.SERVICE_UNAVAILABLE, 0);
                }
            }
        }
    }

    private boolean send(final Encoder message, final long orderId, final CommandKind kind, final boolean order)
    {
        final Session s = session;
        if (s == null)
        {
            return false;
        }
        try
        {
            final long position = s.trySend(message);
            if (position < 0)
            {
                return false;
            }
        }
        catch (final RuntimeException ex) // not connected any more: the disconnect is on its way
        {
            return false;
        }
        if (order)
        {
            sent.sent(s.lastSentMsgSeqNum(), clock.nanoTime(), orderId, kind);
        }
        return true;
    }

    private void onRefused(final long orderId, final CommandKind command)
    {
        sink.rejected(orderId, command, RejectReason.SERVICE_UNAVAILABLE, 0);
    }

    @Override
    public Action onMessage(final DirectBuffer buffer, final int offset, final int length, final int libraryId,
        final Session s, final int sequenceIndex, final long messageType, final long timestampInNs,
        final long position, final OnMessageInfo messageInfo)
    {
        if (messageInfo.isValid())
        {
            if (reporting && early.isEmpty() || executions.isAnswer(buffer, offset, length, messageType))
            {
                executions.onMessage(buffer, offset, length, messageType);
            }
            else
            {
                keepEarly(buffer, offset, length, messageType); // the gateway does not listen yet: kept in order
            }
        }
        return Action.CONTINUE;
    }

    private final org.agrona.ExpandableArrayBuffer scratch = new org.agrona.ExpandableArrayBuffer(512);

    private void keepEarly(final DirectBuffer buffer, final int offset, final int length, final long messageType)
    {
        // one record: the message type, then the message (rare: only what comes before the gateway connects)
        scratch.putLong(0, messageType);
        scratch.putBytes(Long.BYTES, buffer, offset, length);
        early.append(scratch, 0, Long.BYTES + length);
    }

    private boolean replayEarly(final org.agrona.MutableDirectBuffer buffer, final int offset, final int length,
        final int headOffset)
    {
        executions.onMessage(buffer, offset + Long.BYTES, length - Long.BYTES, buffer.getLong(offset));
        return true;
    }

    @Override
    public void onTimeout(final int libraryId, final Session s)
    {
        LOG.warn("{}: the counterparty did not answer a test request", config.name());
    }

    @Override
    public void onSlowStatus(final int libraryId, final Session s, final boolean hasBecomeSlow)
    {
    }

    @Override
    public Action onDisconnect(final int libraryId, final Session s, final DisconnectReason reason)
    {
        if (link != Link.CLOSED && !closeRequested)
        {
            retryLater(clock.nanoTime(), "disconnected: " + reason);
        }
        return Action.CONTINUE;
    }

    @Override
    public void onSessionStart(final Session s)
    {
    }

    @Override
    public void onResend(final Session s, final AbstractResendRequestDecoder request, final int correctedEndSeqNo,
        final ResendRequestResponse response)
    {
        final int begin = request.beginSeqNo();
        final int from = sent.resendFrom(begin, correctedEndSeqNo, clock.nanoTime(),
            TimeUnit.SECONDS.toNanos(config.resendMaxAgeSeconds()));
        if (from == begin)
        {
            response.resend();
        }
        else
        {
            LOG.warn("{}: resend of {} to {} asked: order messages before {} are stale and gap-filled", config.name(),
                begin, correctedEndSeqNo, from);
            response.resendFrom(from);
        }
    }

    @Override
    public void onClose()
    {
        close();
    }

    /**
     * Logs out and stops Artio. The agent's thread does it when the agent runs on a thread of its own (the library is
     * single-threaded), and this waits for it, at most a few seconds; otherwise it is done here.
     */
    @Override
    public void disconnect()
    {
        reporting = false;
        final Thread runner = agentThread;
        if (runner == null || runner == Thread.currentThread() || !runner.isAlive())
        {
            close();
            return;
        }
        closeRequested = true;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host != null && runner.isAlive() && System.nanoTime() - deadline < 0)
        {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (host != null)
        {
            LOG.warn("{}: the adapter's thread did not stop Artio within 10 s; it is left to the agent's close",
                config.name());
        }
    }

    private void close()
    {
        if (host == null)
        {
            return;
        }
        closeRequested = true; // the logout's disconnect is not a session to connect again
        final Session s = session;
        if (s != null && link == Link.LOGGED_ON)
        {
            // log out, and give the counterparty a moment to answer
            s.startLogout();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            final org.agrona.concurrent.IdleStrategy idle = new org.agrona.concurrent.BackoffIdleStrategy();
            while (s.state() != uk.co.real_logic.artio.messages.SessionState.DISCONNECTED
                && System.nanoTime() - deadline < 0)
            {
                idle.idle(host.library().poll(16));
            }
        }
        link = Link.CLOSED;
        health = BrokerHealth.DOWN;
        if (probe != null)
        {
            probe.close();
        }
        final FixEngineHost h = host;
        h.close();
        host = null; // after Artio is closed: disconnect() waits for this
    }

    /**
     * @return how many times the adapter has tried to connect (for monitoring: it climbs while the counterparty is
     *         unreachable).
     */
    public long connectAttempts()
    {
        return connectAttempts;
    }
}
