package io.ordergateway.adapters.alpaca;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ordergateway.adapters.support.CommandQueue;
import io.ordergateway.adapters.support.QueuedCommand;
import io.ordergateway.core.broker.BrokerAccount;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerFill;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerOrder;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Alpaca Trading API v2 behind the broker SPI: orders over REST (Netty, HTTP/1.1 keep-alive,
 * TLS with host verification for https), executions from the {@code trade_updates} WebSocket.
 *
 * <p>This class is the adapter's shell: it takes commands from the gateway and wires the parts
 * that do the work:
 * <ul>
 *   <li>{@link AlpacaOrderSender}: submit, cancel and replace over REST, with the retry policy
 *       that never sends an order twice;</li>
 *   <li>{@link AlpacaOrderTracker}: the gateway's orders at Alpaca and what each order view or
 *       stream event means for the gateway (acknowledgements, fills by cumulative quantity, ends);</li>
 *   <li>{@link AlpacaStreamCatchUp}: the stream's events, and after each (re)connect the orders
 *       that changed while it was down;</li>
 *   <li>{@link AlpacaQueries}: questions off the order path (start-up, statement, Alpaca-only calls);</li>
 *   <li>{@link AlpacaHealth}: DOWN, DEGRADED or HEALTHY from what the others say.</li>
 * </ul>
 *
 * <p><b>Threads.</b> {@code send*} (the gateway's send stage) copy the command into an off-heap
 * queue and wake the adapter's event loop ("alpaca-NAME", made by the gateway's thread factory);
 * they never block and allocate nothing. Everything else (encoding, HTTP, the stream, the per-order
 * bookkeeping, calls into the sink) happens on that one loop thread, which owns all the adapter's
 * state.
 *
 * <p><b>Nothing sent twice, nothing lost.</b> See {@link AlpacaOrderSender} (a POST whose outcome is
 * unknown is looked up by client order id before it is ever sent again; the adapter is DEGRADED
 * meanwhile) and {@link AlpacaOrderTracker} (fills are taken from each order's cumulative filled
 * quantity, so a fill is reported exactly once whichever way it arrives). While the stream is down
 * the adapter is DOWN; it reports HEALTHY again only after the catch-up. A replacement order is
 * taken to carry the filled quantity of the order it replaced (the reference leaves this open; see
 * the note on the issue).
 *
 * <p><b>Budget.</b> The REST client holds requests when {@code X-Ratelimit-Remaining} reaches zero
 * and resends after the reset on a 429; the gateway hears when the budget runs out and comes back.
 */
public final class AlpacaBroker implements BrokerAdapter
{
    /** The adapter's log (every part of it logs here). */
    static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    private final AlpacaConfig config;
    private final SslContext ssl;
    private final CommandQueue inbound = new CommandQueue(1 << 20);
    private final QueuedCommand queued = new QueuedCommand();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final AlpacaRequests requests;
    private final AlpacaHealth health = new AlpacaHealth();
    private final ConnectedSink sink = new ConnectedSink(health);
    private EventLoopGroup group;
    private ThreadFactory threads;
    private EventLoop loop;
    private AlpacaRestClient rest;
    private volatile AlpacaTradeStream stream;
    private AlpacaOrderTracker tracker;
    private AlpacaOrderSender sender;
    private AlpacaStreamCatchUp catchUp;
    private AlpacaQueries queries;
    private AlpacaReads reads;
    private BrokerContext context;

    /**
     * @param config the settings (URL, credentials).
     */
    public AlpacaBroker(final AlpacaConfig config)
    {
        this(config, null);
    }

    /**
     * @param config the settings.
     * @param ssl    the TLS context for https (such as one trusting a test certificate), or null for
     *               the JDK's trust store.
     */
    public AlpacaBroker(final AlpacaConfig config, final SslContext ssl)
    {
        this.config = config;
        this.ssl = "https".equals(config.restUrl().getScheme()) ? ssl != null ? ssl : defaultSsl() : null;
        final int port = config.restUrl().getPort();
        this.requests = new AlpacaRequests(config.restUrl().getHost() + (port > 0 ? ":" + port : ""), config.keyId(),
            config.secretKey());
    }

    private static SslContext defaultSsl()
    {
        try
        {
            return SslContextBuilder.forClient().build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("alpaca: cannot set up TLS: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return why the broker refused this adapter's credentials, or null: a refusal retrying will
     *         not mend, for a caller waiting for the adapter to become healthy (any thread).
     */
    public String credentialsRefused()
    {
        final AlpacaTradeStream s = stream;
        return s == null ? null : s.credentialsRefused();
    }

    @Override
    public String type()
    {
        return "alpaca";
    }

    @Override
    public String name()
    {
        return config.name();
    }

    @Override
    public BrokerCapabilities capabilities()
    {
        return config.capabilities();
    }

    @Override
    public boolean paperTrading()
    {
        return !config.isLiveEndpoint();
    }

    @Override
    public BrokerHealth health()
    {
        return health.current();
    }

    @Override
    public void open(final BrokerContext context)
    {
        threads = context.threads();
        ensureStarted();
        onLoop(() ->
        {
            this.context = context;
            sender.open(new AlpacaOrderEncoder(requests, context.symbols(), context.clientOrderIds()));
            tracker.open(context.clientOrderIds());
            return null;
        });
    }

    @Override
    public void connect()
    {
        if (config.isLiveEndpoint())
        {
            LOG.warn("alpaca {}: trading on the LIVE endpoint {} (real money)", config.name(), config.restUrl());
        }
        onLoop(() ->
        {
            sink.connect(context.sink());
            stream.start();
            return null;
        });
    }

    @Override
    public void disconnect()
    {
        if (group == null)
        {
            return;
        }
        try
        {
            onLoop(() ->
            {
                health.close();
                stream.close();
                rest.close();
                reads.close(); // no read is left waiting for an answer that will never come
                sender.releaseAll();
                return null;
            });
        }
        finally
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private synchronized void ensureStarted()
    {
        if (group == null)
        {
            // One I/O thread: made by the gateway's thread factory when opened by a gateway, so it is named and listed
            // with its own.
            group = new MultiThreadIoEventLoopGroup(1, threads != null ? threads
                : new DefaultThreadFactory("alpaca-" + config.name(), true), NioIoHandler.newFactory());
            loop = group.next();
            rest = new AlpacaRestClient(config, loop, ssl);
            rest.budgetListener(sink::budget); // routing avoids a spent broker
            final AlpacaAnswers answers = new AlpacaAnswers(config.name());
            final AlpacaRetryTimer retries = new AlpacaRetryTimer(loop, config.reconnectMinMillis(), health);
            tracker = new AlpacaOrderTracker(config.name(), sink, new Followups());
            sender = new AlpacaOrderSender(config.name(), rest, requests, answers, tracker, health, retries, sink);
            reads = new AlpacaReads(config.name(), rest, requests, answers, retries);
            catchUp = new AlpacaStreamCatchUp(config.name(), rest, requests, answers, tracker, health, retries, reads);
            queries = new AlpacaQueries(config.name(), loop, rest, requests, answers, tracker, reads);
            stream = new AlpacaTradeStream(config, loop, ssl, catchUp);
        }
    }

    /**
     * What the tracker asks of the other parts: the catch-up fetches a replacement, the sender lets
     * go of a finished order's POST.
     */
    private final class Followups implements AlpacaOrderTracker.Followups
    {
        @Override
        public void fetchReplacement(final AlpacaOrderTrack track, final String alpacaId)
        {
            catchUp.refresh(track, alpacaId);
        }

        @Override
        public void forgotten(final AlpacaOrderTrack track)
        {
            sender.release(track);
        }
    }

    // ------------------------------------------------------------------ from the send stage

    @Override
    public void sendNew(final OrderCommand command)
    {
        offer(command);
    }

    @Override
    public void sendCancel(final OrderCommand command)
    {
        offer(command);
    }

    @Override
    public void sendReplace(final OrderCommand command)
    {
        offer(command);
    }

    private void offer(final OrderCommand command)
    {
        inbound.offer(command);
        if (wakeScheduled.compareAndSet(false, true))
        {
            loop.execute(drain); // one reused task; a send while one is scheduled adds nothing
        }
    }

    // ------------------------------------------------------------------ on the loop

    private void drain()
    {
        wakeScheduled.set(false); // before draining: a command offered from now on schedules another pass
        while (inbound.drain(this::onCommand, this::onRefused, 256) > 0)
        {
            // keep going until empty
        }
    }

    private void onRefused(final long orderId, final CommandKind kind)
    {
        sink.rejected(orderId, kind, RejectReason.SERVICE_UNAVAILABLE, 0);
    }

    private void onCommand(final int msgType, final DirectBuffer buffer, final int index, final int length)
    {
        final QueuedCommand c = queued.wrap(buffer, index);
        if (health.isClosed())
        {
            return;
        }
        switch (c.command())
        {
            case NEW: sender.sendNew(c); break;
            case CANCEL: sender.sendCancel(c.orderId()); break;
            default: sender.sendReplace(c); break;
        }
    }

    private <T> T onLoop(final Callable<T> action)
    {
        try
        {
            return loop.submit(action).get(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("alpaca " + config.name() + ": its I/O thread did not answer", ex);
        }
    }

    // ------------------------------------------------------------------ questions (start-up, resolver, tools)

    @Override
    public CompletableFuture<BrokerOrderStatus> askOrder(final long orderId, final String clientOrderId)
    {
        return asked(() -> queries.askOrder(orderId, clientOrderId));
    }

    @Override
    public CompletableFuture<BrokerStatement> askStatement(final int brokerId)
    {
        return asked(() -> queries.askStatement(brokerId));
    }

    @Override
    public CompletableFuture<BrokerAccount> askAccount()
    {
        return asked(() -> queries.askAccount());
    }

    @Override
    public CompletableFuture<List<BrokerOrder>> askOrders(final BrokerOrder.Listing listing, final long fromMillis,
        final long toMillis)
    {
        return asked(() -> queries.askOrders(listing, fromMillis, toMillis));
    }

    @Override
    public CompletableFuture<List<BrokerFill>> askFills(final long fromMillis, final long toMillis)
    {
        return asked(() -> queries.askFills(fromMillis, toMillis));
    }

    @Override
    public CompletableFuture<List<io.ordergateway.core.broker.SymbolTerms>> discoverTerms(final List<String> symbols)
    {
        return asked(() -> queries.askTerms(symbols));
    }

    /**
     * A question to the adapter's loop: once the loop has stopped (the adapter disconnected) the
     * future fails at once instead of the call throwing.
     */
    private <T> CompletableFuture<T> asked(final java.util.function.Supplier<CompletableFuture<T>> question)
    {
        try
        {
            ensureStarted();
            return question.get();
        }
        catch (final java.util.concurrent.RejectedExecutionException ex)
        {
            return CompletableFuture.failedFuture(new IllegalStateException("alpaca " + config.name()
                + ": disconnected; nothing can be asked"));
        }
    }

    // ------------------------------------------------------------------ the rest of the REST API (operators and tools;
    // blocking)

    /**
     * The market clock ({@code GET /v2/clock}): timestamp, is_open, next_open, next_close.
     *
     * @param timeoutMillis how long to wait.
     * @return field name to value.
     * @throws TimeoutException if no answer came in time.
     */
    public Map<String, String> clock(final long timeoutMillis) throws TimeoutException
    {
        ensureStarted();
        return queries.clock(timeoutMillis);
    }

    /**
     * One asset ({@code GET /v2/assets/{symbol}}): tradable, fractionable, shortable...
     *
     * @param symbol        the symbol.
     * @param timeoutMillis how long to wait.
     * @return field name to value.
     * @throws TimeoutException if no answer came in time.
     * @throws IllegalStateException naming the symbol when Alpaca does not know it.
     */
    public Map<String, String> asset(final String symbol, final long timeoutMillis) throws TimeoutException
    {
        ensureStarted();
        return queries.asset(symbol, timeoutMillis);
    }

    /**
     * Cancels every open order of the account ({@code DELETE /v2/orders}); cancels confirmed on the
     * stream reach the gateway as usual.
     *
     * @param timeoutMillis how long to wait.
     * @return one line per order: its id and the HTTP status of its cancel.
     * @throws TimeoutException if no answer came in time.
     */
    public List<Map<String, String>> cancelAll(final long timeoutMillis) throws TimeoutException
    {
        ensureStarted();
        return queries.cancelAll(timeoutMillis);
    }

    /**
     * @return requests left in Alpaca's current rate-limit window, as its last answer said.
     */
    public long apiBudgetRemaining()
    {
        return rest == null ? Long.MAX_VALUE : onLoop(rest::budgetRemaining);
    }
}
