package io.ordergateway.adapters.sim;

import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import io.ordergateway.adapters.support.CommandQueue;
import io.ordergateway.adapters.support.QueuedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * An in-process simulated broker, the gateway's embedded default: the demo and most tests need no
 * network.
 *
 * <p>It keeps a reference price per symbol (a seeded random walk), fills market orders at it
 * (sometimes in several partial fills), fills marketable limits at the better of limit and market,
 * rests the others until the price crosses them, triggers stops and trailing stops, cancels and
 * replaces resting orders, rejects a configured share of new orders, and answers after a
 * configured latency.
 *
 * <p>Threads: the gateway's send stage writes commands into an off-heap queue ({@code send*} never
 * block); the broker is an Agrona agent ("sim-NAME", {@link #agent()}) that works through them and
 * reports to the gateway through its sink, on whichever thread the gateway's threading mode gives
 * it. If the queue is ever full, the command is rejected with SERVICE_UNAVAILABLE. All broker state
 * is owned by the agent's thread. Time (latency, outages, price moves) is the gateway's clock, so a
 * test with a manual clock decides when answers come.
 */
public final class SimBroker implements BrokerAdapter, Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(SimBroker.class);

    // the command kinds' codes, as CommandQueue#offer(OrderCommand) queues them; then the broker's own
    private static final int MSG_NEW = 1;
    private static final int MSG_CANCEL = 2;
    private static final int MSG_REPLACE = 3;
    private static final int MSG_PRICE = 4;
    private static final int PRICE_SYMBOL = 0;
    private static final int PRICE_VALUE = 8;
    private static final int PRICE_MESSAGE_LENGTH = 16;
    private static final long CENT = FixedPoint.PRICE_SCALE / 100;

    private final SimBrokerConfig config;
    private final CommandQueue inbound;
    private final QueuedCommand queued = new QueuedCommand();
    private final CommandQueue.RefusalHandler refusalHandler = (orderId, command) ->
        respond(ResponseQueue.REJECT, orderId, command.code(), RejectReason.SERVICE_UNAVAILABLE.code(), 503);
    private final SplittableRandom random;
    private final Long2ObjectHashMap<SimOrder> orders = new Long2ObjectHashMap<>();
    private final ArrayDeque<SimOrder> pool = new ArrayDeque<>();
    private final ArrayList<SimOrder> resting = new ArrayList<>(1024);
    private final ResponseQueue responses = new ResponseQueue(4096);
    private final MessageHandler commandHandler = this::onCommand;
    private final java.util.concurrent.atomic.AtomicLong processed = new java.util.concurrent.atomic.AtomicLong();
    private volatile BrokerHealth health = BrokerHealth.DOWN;
    private volatile long outageUntil = Long.MIN_VALUE;
    private volatile boolean silent;
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> queries =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    // Finished and rejected orders, so a restarted gateway can still ask about them (grows with the run: a simulator's
    // choice).
    private final java.util.Map<Long, BrokerOrderStatus> finished = new java.util.HashMap<>();
    private final SimLedger ledger;
    private BrokerEventSink sink;
    private SymbolTable symbols;
    private io.ordergateway.core.domain.ClientOrderIds clientOrderIds;
    private long[] prices;
    private long[] positions;
    private volatile boolean running;
    private volatile boolean connected;
    private EpochNanoClock clock = new SystemEpochNanoClock();
    private long nowNanos;
    private long nextPriceMove;
    private long nextBrokerOrderId;
    private long nextFillId;

    /**
     * @param config the broker's settings.
     */
    public SimBroker(final SimBrokerConfig config)
    {
        this.config = config;
        this.inbound = new CommandQueue(config.inboundQueueBytes());
        this.random = new SplittableRandom(config.seed());
        this.ledger = new SimLedger(config.name());
        for (int i = 0; i < 1024; i++)
        {
            pool.add(new SimOrder());
        }
    }

    @Override
    public String type()
    {
        return "sim";
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
    public void open(final BrokerContext context)
    {
        sink = context.sink();
        symbols = context.symbols();
        clock = context.clock();
        if (prices == null || prices.length != symbols.size())
        {
            prices = new long[symbols.size()];
            positions = new long[symbols.size()];
        }
        clientOrderIds = context.clientOrderIds();
        for (int i = 0; i < prices.length; i++)
        {
            if (prices[i] == 0)
            {
                prices[i] = config.referencePrices().getOrDefault(symbols.name(i), SimBrokerConfig.DEFAULT_PRICE);
            }
        }
        if (nextFillId == 0) // a reconnect keeps counting: ids are never reused
        {
            nextFillId = (long)(context.brokerId() + 1) << 40;
            nextBrokerOrderId = (long)(context.brokerId() + 1) << 40;
        }
    }

    @Override
    public void connect()
    {
        connected = true;
        health = BrokerHealth.HEALTHY;
    }

    @Override
    public void disconnect()
    {
        health = BrokerHealth.DOWN;
        connected = false;
    }

    @Override
    public Agent agent()
    {
        return this;
    }

    @Override
    public void onStart()
    {
        running = true;
    }

    @Override
    public void onClose()
    {
        running = false;
        Runnable query;
        while ((query = queries.poll()) != null)
        {
            query.run(); // answered now: nothing runs this agent any more
        }
    }

    @Override
    public boolean paperTrading()
    {
        return true;
    }

    @Override
    public BrokerHealth health()
    {
        return clock.nanoTime() < outageUntil ? BrokerHealth.DOWN : health;
    }

    /**
     * Fault injection: for the next {@code durationNanos} the broker refuses every command as a
     * connection error (it never sees them: nothing changes on its side) and reports itself DOWN.
     *
     * @param durationNanos how long.
     */
    public void outage(final long durationNanos)
    {
        outageUntil = clock.nanoTime() + durationNanos;
    }

    /**
     * Fault injection: while silent the broker acts on commands (accepts, fills, cancels) but its
     * answers never reach the gateway, as when a connection drops after the write. Questions
     * ({@link #queryOrder}) are still answered.
     *
     * @param silent true to stop answering.
     */
    public void silence(final boolean silent)
    {
        this.silent = silent;
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

    /**
     * Moves a symbol's reference price, as the market would (for tests and scenarios). Applied on
     * the broker's thread in order with the commands sent before it.
     *
     * @param symbolId the gateway's symbol id.
     * @param price    the new price (scaled).
     * @return false if the command queue was full.
     */
    public boolean setReferencePrice(final int symbolId, final long price)
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[PRICE_MESSAGE_LENGTH]);
        message.putInt(PRICE_SYMBOL, symbolId);
        message.putLong(PRICE_VALUE, price);
        return inbound.offer(MSG_PRICE, message, PRICE_MESSAGE_LENGTH);
    }

    /**
     * What the broker holds: positions by symbol and orders still working, as a broker's end-of-day
     * statement would list them. Only once the broker's agent has stopped (its thread owns the state).
     *
     * @param brokerId the broker's id in the gateway, written into the statement.
     * @return the statement.
     * @throws IllegalStateException while the broker's agent runs.
     */
    public BrokerStatement statement(final int brokerId)
    {
        if (running)
        {
            throw new IllegalStateException("sim broker " + config.name() + " is running: disconnect it first");
        }
        return buildStatement(brokerId);
    }

    @Override
    public java.util.concurrent.CompletableFuture<BrokerStatement> askStatement(final int brokerId)
    {
        return ask(() -> buildStatement(brokerId));
    }

    @Override
    public java.util.concurrent.CompletableFuture<io.ordergateway.core.broker.BrokerAccount> askAccount()
    {
        return ask(() -> ledger.account(symbols, positions, prices));
    }

    @Override
    public java.util.concurrent.CompletableFuture<java.util.List<io.ordergateway.core.broker.BrokerOrder>>
        askOrders(final io.ordergateway.core.broker.BrokerOrder.Listing listing, final long fromMillis,
        final long toMillis)
    {
        return ask(() ->
        {
            final java.util.List<io.ordergateway.core.broker.BrokerOrder> out = new java.util.ArrayList<>();
            if (listing != io.ordergateway.core.broker.BrokerOrder.Listing.OPEN)
            {
                ledger.closedOrders(fromMillis, toMillis, out);
            }
            if (listing != io.ordergateway.core.broker.BrokerOrder.Listing.CLOSED && symbols != null)
            {
                orders.values().forEach(o ->
                {
                    final io.ordergateway.core.broker.BrokerOrder line = SimLedger.order(o, symbols.name(o.symbolId),
                        clientOrderIds.toString(o.orderId),
                        o.filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW, o.submittedNanos);
                    if (SimLedger.within(line.submittedAt(), fromMillis, toMillis))
                    {
                        out.add(line);
                    }
                });
            }
            out.sort(java.util.Comparator.comparing(o -> java.time.Instant.parse(o.submittedAt())));
            return out;
        });
    }

    @Override
    public java.util.concurrent.CompletableFuture<java.util.List<io.ordergateway.core.broker.BrokerFill>>
        askFills(final long fromMillis, final long toMillis)
    {
        return ask(() -> ledger.fills(fromMillis, toMillis));
    }

    @Override
    public java.util.concurrent.CompletableFuture<BrokerOrderStatus>
        askOrder(final long orderId, final String clientOrderId)
    {
        return ask(() -> orderStatus(orderId));
    }

    /**
     * A question for the broker's agent (whose thread owns the state), answered at its next duty
     * cycle; answered at once while the agent is not running.
     */
    private <T> java.util.concurrent.CompletableFuture<T> ask(final java.util.function.Supplier<T> question)
    {
        if (!running)
        {
            try
            {
                return java.util.concurrent.CompletableFuture.completedFuture(question.get());
            }
            catch (final RuntimeException ex)
            {
                return java.util.concurrent.CompletableFuture.failedFuture(ex);
            }
        }
        final java.util.concurrent.CompletableFuture<T> answer = new java.util.concurrent.CompletableFuture<>();
        queries.add(() ->
        {
            try
            {
                answer.complete(question.get());
            }
            catch (final RuntimeException ex)
            {
                answer.completeExceptionally(ex);
            }
        });
        return answer;
    }

    private BrokerOrderStatus orderStatus(final long orderId)
    {
        final SimOrder o = orders.get(orderId);
        if (o != null)
        {
            return new BrokerOrderStatus(orderId, o.filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW,
                o.quantity, o.filled, o.filled == 0 ? 0 : ScaledMath.averagePrice(o.filledNotional, o.filled), o.fills);
        }
        return finished.get(orderId);
    }

    private BrokerStatement buildStatement(final int brokerId)
    {
        if (positions == null)
        {
            // never connected: holds nothing
            return new BrokerStatement(config.name(), brokerId, java.util.List.of(), java.util.List.of());
        }
        final java.util.List<BrokerStatement.Position> lines = new java.util.ArrayList<>();
        for (int s = 0; s < positions.length; s++)
        {
            if (positions[s] != 0)
            {
                lines.add(new BrokerStatement.Position(symbols.name(s), positions[s]));
            }
        }
        final java.util.List<BrokerStatement.OpenOrder> open = new java.util.ArrayList<>();
        orders.values().forEach(o ->
            open.add(new BrokerStatement.OpenOrder(clientOrderIds.toString(o.orderId), symbols.name(o.symbolId), o.side,
            o.quantity, o.filled)));
        open.sort(java.util.Comparator.comparing(BrokerStatement.OpenOrder::clientOrderId));
        return new BrokerStatement(config.name(), brokerId, lines, open);
    }

    @Override
    public int doWork()
    {
        int work = 0;
        Runnable query;
        while ((query = queries.poll()) != null)
        {
            query.run(); // the gateway's questions, answered on this thread that owns the state
            work++;
        }
        if (!connected)
        {
            return work;
        }
        nowNanos = clock.nanoTime();
        // reports never wait for ring space: this agent may share its thread with the control agent's follower, which
        // holds the ring back (see BrokerEventSink#room); a command makes at most a few reports
        final int room = sink.room();
        if (room == 0)
        {
            return work;
        }
        work += inbound.drain(commandHandler, refusalHandler, Math.max(1, Math.min(256, room / 4)));
        if (config.priceIntervalNanos() > 0 && nowNanos >= nextPriceMove)
        {
            nextPriceMove = nowNanos + config.priceIntervalNanos();
            movePrices();
            work += checkResting();
        }
        while (responses.isDue(nowNanos) && sink.room() > 0)
        {
            emit();
            responses.remove();
            work++;
        }
        return work;
    }

    @Override
    public String roleName()
    {
        return "sim-" + config.name();
    }

    /**
     * @return commands the broker has taken from its queue and acted on (for tests and scenarios).
     */
    public long processedCommands()
    {
        return processed.get();
    }

    private void onCommand(final int msgType, final DirectBuffer buffer, final int index, final int length)
    {
        processed.lazySet(processed.get() + 1);
        if (msgType != MSG_PRICE && nowNanos < outageUntil)
        {
            final QueuedCommand c = queued.wrap(buffer, index);
            respond(ResponseQueue.REJECT, c.orderId(), c.command().code(), RejectReason.CONNECTION_ERROR.code(), 503);
            return; // refused at the door: the broker never saw it
        }
        try
        {
            dispatch(msgType, buffer, index);
        }
        catch (final RuntimeException ex)
        {
            // Nothing lost: a command the simulator cannot handle is answered with a reject, and forgotten.
            final QueuedCommand c = queued.wrap(buffer, index);
            LOG.error("sim broker {} could not handle {} of order {}; rejected", config.name(), c.command(),
                c.orderId(), ex);
            if (c.command() == CommandKind.NEW)
            {
                final SimOrder o = orders.remove(c.orderId());
                if (o != null)
                {
                    unrest(o);
                }
                finished.put(c.orderId(),
                    new BrokerOrderStatus(c.orderId(), OrderState.REJECTED, c.quantity(), 0, 0, java.util.List.of()));
            }
            respond(ResponseQueue.REJECT, c.orderId(), c.command().code(), RejectReason.BROKER_REJECTED.code(), 500);
        }
    }

    private void dispatch(final int msgType, final DirectBuffer buffer, final int index)
    {
        switch (msgType)
        {
            case MSG_NEW: onNew(queued.wrap(buffer, index)); break;
            case MSG_CANCEL: onCancel(queued.wrap(buffer, index).orderId()); break;
            case MSG_REPLACE:
                final QueuedCommand c = queued.wrap(buffer, index);
                onReplace(c.orderId(), c.quantity(), c.limitPrice(), c.stopPrice());
                break;
            case MSG_PRICE:
                final int symbolId = buffer.getInt(index + PRICE_SYMBOL);
                if (symbolId >= 0 && symbolId < prices.length)
                {
                    prices[symbolId] = buffer.getLong(index + PRICE_VALUE);
                    checkResting();
                }
                break;
            default:
                break;
        }
    }

    private void onNew(final OrderCommand c)
    {
        final long orderId = c.orderId();
        if (orders.containsKey(orderId))
        {
            respond(ResponseQueue.REJECT, orderId, CommandKind.NEW.code(), RejectReason.DUPLICATE_CLIENT_ID.code(),
                409);
            return;
        }
        if (config.rejectRate() > 0 && random.nextDouble() < config.rejectRate())
        {
            finished.put(orderId, new BrokerOrderStatus(orderId, OrderState.REJECTED, c.quantity(), 0, 0,
                java.util.List.of()));
            respond(ResponseQueue.REJECT, orderId, CommandKind.NEW.code(), RejectReason.BROKER_REJECTED.code(), 1001);
            return;
        }
        final SimOrder o = pool.isEmpty() ? new SimOrder() : pool.poll();
        o.orderId = orderId;
        o.symbolId = c.symbolId();
        o.side = c.side();
        o.type = c.orderType();
        o.timeInForce = c.timeInForce();
        o.quantity = c.quantity();
        o.filled = 0;
        o.filledNotional = 0;
        o.limitPrice = c.limitPrice();
        o.stopPrice = c.stopPrice();
        o.trailPrice = c.trailPrice();
        o.trailPercent = c.trailPercent();
        o.triggered = o.type == OrderType.MARKET || o.type == OrderType.LIMIT;
        o.restingIndex = -1;
        o.submittedNanos = nowNanos;
        if (o.symbolId < 0 || o.symbolId >= prices.length)
        {
            pool.add(o);
            respond(ResponseQueue.REJECT, orderId, CommandKind.NEW.code(), RejectReason.UNKNOWN_SYMBOL.code(), 404);
            return;
        }
        o.waterMark = prices[o.symbolId];
        orders.put(orderId, o);
        respond(ResponseQueue.ACK, orderId, ++nextBrokerOrderId, 0, 0);
        if (!tryExecute(o))
        {
            if (o.timeInForce == TimeInForce.IOC || o.timeInForce == TimeInForce.FOK)
            {
                finish(o);
                respond(ResponseQueue.CANCELED, orderId, 0, 0, 0);
            }
            else
            {
                o.restingIndex = resting.size();
                resting.add(o);
            }
        }
    }

    private void onCancel(final long orderId)
    {
        final SimOrder o = orders.get(orderId);
        if (o == null)
        {
            respond(ResponseQueue.REJECT, orderId, CommandKind.CANCEL.code(), RejectReason.ORDER_NOT_ACTIVE.code(),
                404);
            return;
        }
        finish(o);
        respond(ResponseQueue.CANCELED, orderId, 0, 0, 0);
    }

    private void onReplace(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
    {
        final SimOrder o = orders.get(orderId);
        if (o == null)
        {
            respond(ResponseQueue.REJECT, orderId, CommandKind.REPLACE.code(), RejectReason.ORDER_NOT_ACTIVE.code(),
                404);
            return;
        }
        if (quantity <= o.filled)
        {
            respond(ResponseQueue.REJECT, orderId, CommandKind.REPLACE.code(), RejectReason.INVALID_QUANTITY.code(),
                422);
            return;
        }
        o.quantity = quantity;
        o.limitPrice = limitPrice;
        o.stopPrice = stopPrice;
        respond(ResponseQueue.REPLACED, orderId, quantity, limitPrice, stopPrice);
        tryExecute(o);
    }

    /**
     * Triggers a stop if its price is reached and executes whatever is marketable.
     *
     * @return true if the order is now completely filled (and finished).
     */
    private boolean tryExecute(final SimOrder o)
    {
        final long market = prices[o.symbolId];
        if (!o.triggered && !trigger(o, market))
        {
            return false;
        }
        final boolean hasLimit = o.type == OrderType.LIMIT || o.type == OrderType.STOP_LIMIT;
        final long price;
        if (hasLimit)
        {
            final boolean marketable = o.side == Side.BUY ? o.limitPrice >= market : o.limitPrice <= market;
            if (!marketable)
            {
                return false;
            }
            price = o.side == Side.BUY ? Math.min(o.limitPrice, market) : Math.max(o.limitPrice, market);
        }
        else
        {
            price = market;
        }
        executeAll(o, price);
        finish(o);
        return true;
    }

    private boolean trigger(final SimOrder o, final long market)
    {
        if (o.type == OrderType.TRAILING_STOP)
        {
            o.waterMark = o.side == Side.SELL ? Math.max(o.waterMark, market) : Math.min(o.waterMark, market);
            final long trail = o.trailPrice != FixedPoint.NULL ? o.trailPrice :
                ScaledMath.multiplyDivide(o.waterMark, o.trailPercent, 100 * FixedPoint.PRICE_SCALE);
            o.triggered = o.side == Side.SELL ? market <= o.waterMark - trail : market >= o.waterMark + trail;
        }
        else
        {
            o.triggered = o.side == Side.BUY ? market >= o.stopPrice : market <= o.stopPrice;
        }
        return o.triggered;
    }

    /**
     * Executes the rest of an order, in one fill or, sometimes, several partial fills.
     */
    private void executeAll(final SimOrder o, final long price)
    {
        final long leaves = o.leaves();
        int pieces = 1;
        if (config.partialFillRate() > 0 && random.nextDouble() < config.partialFillRate())
        {
            pieces = 2 + random.nextInt(config.maxPartialFills() - 1);
        }
        long piece = leaves / pieces;
        if (piece >= FixedPoint.QUANTITY_SCALE)
        {
            piece -= piece % FixedPoint.QUANTITY_SCALE; // whole units where the order allows
        }
        if (piece <= 0)
        {
            piece = leaves;
        }
        while (o.leaves() > 0)
        {
            final long qty = o.leaves() <= piece || --pieces <= 0 ? o.leaves() : piece;
            o.filled += qty;
            respondFill(o, qty, price);
        }
    }

    private int checkResting()
    {
        int filled = 0;
        for (int i = resting.size() - 1; i >= 0; i--)
        {
            final SimOrder o = resting.get(i);
            if (tryExecute(o))
            {
                filled++;
            }
        }
        return filled;
    }

    private void finish(final SimOrder o)
    {
        final OrderState state = o.filled == o.quantity ? OrderState.FILLED : OrderState.CANCELED;
        finished.put(o.orderId, new BrokerOrderStatus(o.orderId, state, o.quantity, o.filled,
            o.filled == 0 ? 0 : ScaledMath.averagePrice(o.filledNotional, o.filled), o.fills));
        ledger.closed(o, symbols.name(o.symbolId), clientOrderIds.toString(o.orderId), state, o.submittedNanos);
        o.fills.clear();
        unrest(o);
        orders.remove(o.orderId);
        pool.add(o);
    }

    private void unrest(final SimOrder o)
    {
        final int i = o.restingIndex;
        if (i >= 0)
        {
            final SimOrder moved = resting.remove(resting.size() - 1); // swap-remove: O(1)
            if (moved != o)
            {
                resting.set(i, moved);
                moved.restingIndex = i;
            }
            o.restingIndex = -1;
        }
    }

    private void movePrices()
    {
        for (int s = 0; s < prices.length; s++)
        {
            final long maxMove = prices[s] / 10_000 * config.volatilityBps();
            if (maxMove <= 0)
            {
                continue;
            }
            long move = random.nextLong(-maxMove, maxMove + 1);
            move -= move % CENT;
            prices[s] = Math.max(CENT, prices[s] + move);
        }
    }

    private void respondFill(final SimOrder o, final long qty, final long price)
    {
        o.filledNotional += ScaledMath.notional(qty, price);
        o.fills.add(new BrokerOrderStatus.Fill(++nextFillId, qty, price));
        ledger.filled(o, symbols.name(o.symbolId), nextFillId, qty, price, nowNanos);
        positions[o.symbolId] += o.side == Side.BUY ? qty : -qty; // the broker holds it once executed, delivered or not
        respond(ResponseQueue.FILL, o.orderId, nextFillId, qty, price);
    }

    private void respond(final byte kind, final long orderId, final long a, final long b, final long c)
    {
        final long jitter = config.latencyJitterNanos() > 0 ? random.nextLong(config.latencyJitterNanos() + 1) : 0;
        responses.add(nowNanos + config.latencyNanos() + jitter, kind, orderId, a, b, c);
    }

    private void emit()
    {
        if (silent)
        {
            return; // the answer is lost on the way
        }
        final long orderId = responses.orderId();
        switch (responses.kind())
        {
            case ResponseQueue.ACK:
                sink.acknowledged(orderId, responses.a());
                break;
            case ResponseQueue.REJECT:
                sink.rejected(orderId, CommandKind.fromCode((int)responses.a()),
                    RejectReason.fromCode((int)responses.b()), (int)responses.c());
                break;
            case ResponseQueue.FILL:
                sink.filled(orderId, responses.a(), responses.b(), responses.c());
                break;
            case ResponseQueue.CANCELED:
                sink.canceled(orderId);
                break;
            case ResponseQueue.REPLACED:
                sink.replaced(orderId, responses.a(), responses.b(), responses.c());
                break;
            case ResponseQueue.EXPIRED:
                sink.expired(orderId);
                break;
            default:
                break;
        }
    }
}
