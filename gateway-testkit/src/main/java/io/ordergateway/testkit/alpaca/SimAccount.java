package io.ordergateway.testkit.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.FixedPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The simulator's account: its orders (by Alpaca id, by client order id, by engine id, and in the
 * order they were created), its positions, and the execution engine behind them. Orders go to the
 * engine as commands; what the engine answers (on its own thread) hops onto the simulator's loop,
 * changes the orders and positions, and is published on the {@code trade_updates} stream.
 *
 * <p>A replace makes a new account order carrying the old one's executions, while the engine keeps
 * one order under one engine id; the old order shows "pending_replace" until the engine confirms.
 * Ids come from a seeded random, so a run with the same seed and the same requests gives the same ids.
 *
 * <p>Loop thread only, but for {@link #engineEvents()}, which may be called from any thread.
 */
final class SimAccount
{
    private final EventLoop loop;
    private final SymbolTable symbols;
    private final SimBroker engine;
    private final SimTradeUpdates stream;
    private final SimEngineCommand command = new SimEngineCommand();
    private final SplittableRandom random;
    private final Map<String, SimAlpacaOrder> byId = new HashMap<>();
    private final Map<String, SimAlpacaOrder> byClientId = new HashMap<>();
    private final Map<Long, SimAlpacaOrder> byEngineId = new HashMap<>();
    private final Map<Long, SimAlpacaOrder> pendingReplacement = new HashMap<>();
    private final List<SimAlpacaOrder> inOrder = new ArrayList<>();
    private final List<SimAlpacaOrder> inOrderView = Collections.unmodifiableList(inOrder);
    private final long[] positionQuantity;
    private final long[] positionCost;
    private final BrokerEventSink engineEvents = new EngineEvents();
    private final List<FillActivity> fills = new ArrayList<>();
    private final List<FillActivity> fillsView = Collections.unmodifiableList(fills);
    private long cashSpent;
    private long nextEngineId;

    /**
     * One execution as {@code GET /v2/account/activities/FILL} lists it.
     *
     * @param id       the activity id (time-ordered: {@code 20261201093000000::uuid} in Alpaca's shape).
     * @param order    the order.
     * @param quantity executed.
     * @param price    at this price.
     * @param time     when.
     * @param cumulative the order's filled quantity after it.
     */
    record FillActivity(String id, SimAlpacaOrder order, long quantity, long price, Instant time, long cumulative)
    {
    }

    /**
     * @param loop    the simulator's loop.
     * @param symbols the tradable symbols.
     * @param engine  the execution engine.
     * @param stream  where trade updates go.
     * @param seed    seed of the order and execution ids.
     */
    SimAccount(final EventLoop loop, final SymbolTable symbols, final SimBroker engine, final SimTradeUpdates stream,
        final long seed)
    {
        this.loop = loop;
        this.symbols = symbols;
        this.engine = engine;
        this.stream = stream;
        this.random = new SplittableRandom(seed);
        this.positionQuantity = new long[symbols.size()];
        this.positionCost = new long[symbols.size()];
    }

    /**
     * @return where the engine reports (any thread): each call hops onto the loop.
     */
    BrokerEventSink engineEvents()
    {
        return engineEvents;
    }

    /**
     * @return a new random UUID (version 4 layout) from the account's seeded random.
     */
    String newId()
    {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
            random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }

    // ---------------------------------------------------------------- orders

    /**
     * @param id an Alpaca order id.
     * @return the order, or null.
     */
    SimAlpacaOrder order(final String id)
    {
        return byId.get(id);
    }

    /**
     * @param clientOrderId a client order id.
     * @return the order, or null.
     */
    SimAlpacaOrder orderByClientId(final String clientOrderId)
    {
        return byClientId.get(clientOrderId);
    }

    /**
     * @param clientOrderId a client order id.
     * @return whether an order (or a replacement) already has it.
     */
    boolean hasClientOrderId(final String clientOrderId)
    {
        return byClientId.containsKey(clientOrderId);
    }

    /**
     * @return every order that went to the engine (replacements included, once confirmed), oldest first; read-only.
     */
    List<SimAlpacaOrder> orders()
    {
        return inOrderView;
    }

    /**
     * @return every execution, oldest first; read-only.
     */
    List<FillActivity> fills()
    {
        return fillsView;
    }

    /**
     * @return what the account's executions cost net (buys less sells), at the executions' prices.
     */
    long cashSpent()
    {
        return cashSpent;
    }

    /**
     * Creates a checked order ("pending_new") and sends it to the engine.
     *
     * @param o the order, its client order id set.
     */
    void create(final SimAlpacaOrder o)
    {
        o.id = newId();
        o.engineId = ++nextEngineId;
        o.status = "pending_new";
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        byId.put(o.id, o);
        byClientId.put(o.clientOrderId, o);
        byEngineId.put(o.engineId, o);
        inOrder.add(o);
        command.set(CommandKind.NEW, o, symbols.id(o.symbol));
        engine.sendNew(command);
    }

    /**
     * Asks the engine to cancel an open order ("pending_cancel" until it answers).
     *
     * @param o the order.
     */
    void cancel(final SimAlpacaOrder o)
    {
        o.status = "pending_cancel";
        command.set(CommandKind.CANCEL, o, symbols.id(o.symbol));
        engine.sendCancel(command);
    }

    /**
     * Creates the replacement of an open order and asks the engine to apply it. The replacement
     * carries the old order's executions; the old order is "pending_replace" until the engine answers.
     *
     * @param old the order replaced.
     * @param o   the replacement, its fields and client order id set.
     */
    void replace(final SimAlpacaOrder old, final SimAlpacaOrder o)
    {
        o.id = newId();
        o.engineId = old.engineId; // the engine keeps one order; the account shows a new one
        o.replaces = old.id;
        o.filledQuantity = old.filledQuantity; // this simulator carries executions over to the replacement
        o.filledNotional = old.filledNotional;
        o.status = "pending_new";
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        old.status = "pending_replace";
        old.replacedBy = o.id; // provisional until the engine confirms
        byId.put(o.id, o);
        byClientId.put(o.clientOrderId, o);
        pendingReplacement.put(old.engineId, o);
        command.set(CommandKind.REPLACE, o, symbols.id(o.symbol));
        engine.sendReplace(command);
    }

    /**
     * @return replacement orders created.
     */
    int replacements()
    {
        return (int)byId.values().stream().filter(o -> o.replaces != null).count();
    }

    /**
     * @return client order ids of the orders still open.
     */
    List<String> openClientOrderIds()
    {
        return inOrder.stream().filter(SimAlpacaOrder::isOpen).map(o -> o.clientOrderId).toList();
    }

    // ---------------------------------------------------------------- positions

    /**
     * @param symbolId a symbol's id.
     * @return its signed position.
     */
    long positionQuantity(final int symbolId)
    {
        return positionQuantity[symbolId];
    }

    /**
     * @param symbolId a symbol's id.
     * @return its position's cost basis (money scale, signed).
     */
    long positionCost(final int symbolId)
    {
        return positionCost[symbolId];
    }

    /**
     * @return signed position per symbol, zero positions left out.
     */
    Map<String, Long> positions()
    {
        final Map<String, Long> out = new TreeMap<>();
        for (int s = 0; s < positionQuantity.length; s++)
        {
            if (positionQuantity[s] != 0)
            {
                out.put(symbols.name(s), positionQuantity[s]);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- engine events (on the loop)

    /**
     * The engine's answers (on its thread), each handed to the loop.
     */
    private final class EngineEvents implements BrokerEventSink
    {
        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            loop.execute(() -> onAccepted(orderId));
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason,
            final int brokerCode)
        {
            loop.execute(() -> onRejected(orderId, command));
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            loop.execute(() -> onFilled(orderId, quantity, price));
        }

        @Override
        public void canceled(final long orderId)
        {
            loop.execute(() -> onFinished(orderId, "canceled"));
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
            loop.execute(() -> onReplaced(orderId));
        }

        @Override
        public void expired(final long orderId)
        {
            loop.execute(() -> onFinished(orderId, "expired"));
        }
    }

    private void onAccepted(final long engineId)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o != null && o.status.equals("pending_new"))
        {
            o.status = "new";
            o.updatedAt = Instant.now();
            publish("new", o, 0, 0);
        }
    }

    private void onRejected(final long engineId, final CommandKind kind)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o == null)
        {
            return;
        }
        final Instant now = Instant.now();
        switch (kind)
        {
            case NEW:
                o.status = "rejected";
                o.failedAt = now;
                o.updatedAt = now;
                publish("rejected", o, 0, 0);
                break;
            case CANCEL:
                if (o.status.equals("pending_cancel"))
                {
                    o.status = o.filledQuantity > 0 ? "partially_filled" : "new";
                }
                publish("order_cancel_rejected", o, 0, 0);
                break;
            default:
                final SimAlpacaOrder replacement = pendingReplacement.remove(engineId);
                if (replacement != null)
                {
                    replacement.status = "rejected";
                    replacement.failedAt = now;
                    o.replacedBy = null;
                }
                if (o.status.equals("pending_replace"))
                {
                    o.status = o.filledQuantity >= o.quantity ? "filled" : o.filledQuantity > 0 ? "partially_filled"
                        : "new";
                }
                publish("order_replace_rejected", o, 0, 0);
                break;
        }
    }

    private void onFilled(final long engineId, final long quantity, final long price)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o == null)
        {
            return;
        }
        final Instant now = Instant.now();
        o.filledQuantity += quantity;
        o.filledNotional += ScaledMath.notional(quantity, price);
        o.updatedAt = now;
        final boolean done = o.filledQuantity >= o.quantity;
        if (!o.status.equals("pending_cancel") && !o.status.equals("pending_replace") || done)
        {
            o.status = done ? "filled" : "partially_filled";
        }
        if (done)
        {
            o.filledAt = now;
        }
        addToPosition(symbols.id(o.symbol), o.side == Side.BUY ? quantity : -quantity, price);
        final long notional = ScaledMath.notional(quantity, price);
        cashSpent += o.side == Side.BUY ? notional : -notional;
        fills.add(new FillActivity(String.format("%020d::%s", fills.size() + 1, newId()), o, quantity, price, now,
            o.filledQuantity));
        publish(done ? "fill" : "partial_fill", o, quantity, price);
    }

    /**
     * Moves a position by an execution; the cost basis follows an average-cost rule (reset at the
     * execution's price when the position flips through zero).
     */
    private void addToPosition(final int s, final long signed, final long price)
    {
        final long before = positionQuantity[s];
        positionQuantity[s] += signed;
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            positionCost[s] += ScaledMath.notional(signed, price);
        }
        else if (Long.signum(positionQuantity[s]) != Long.signum(before) && positionQuantity[s] != 0)
        {
            positionCost[s] = ScaledMath.notional(positionQuantity[s], price); // flipped through zero
        }
        else
        {
            positionCost[s] = positionQuantity[s] == 0 ? 0
                : ScaledMath.multiplyDivide(positionCost[s], positionQuantity[s], before);
        }
    }

    private void onFinished(final long engineId, final String status)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o == null || !o.isOpen())
        {
            return;
        }
        o.status = status;
        o.updatedAt = Instant.now();
        if (status.equals("canceled"))
        {
            o.canceledAt = o.updatedAt;
        }
        else
        {
            o.expiredAt = o.updatedAt;
        }
        publish(status, o, 0, 0);
    }

    private void onReplaced(final long engineId)
    {
        final SimAlpacaOrder old = byEngineId.get(engineId);
        final SimAlpacaOrder replacement = pendingReplacement.remove(engineId);
        if (old == null || replacement == null)
        {
            return;
        }
        final Instant now = Instant.now();
        old.status = "replaced";
        old.replacedAt = now;
        old.updatedAt = now;
        old.replacedBy = replacement.id;
        replacement.status = replacement.filledQuantity > 0 ? "partially_filled" : "new";
        replacement.updatedAt = now;
        byEngineId.put(engineId, replacement);
        inOrder.add(replacement);
        publish("replaced", old, 0, 0);
        publish("new", replacement, 0, 0);
    }

    /**
     * Publishes a trade update (nothing is built, and no execution id drawn, when nobody listens).
     */
    private void publish(final String event, final SimAlpacaOrder o, final long quantity, final long price)
    {
        if (!stream.hasListeners())
        {
            return;
        }
        final int s = symbols.id(o.symbol);
        final ByteBuf message = Unpooled.buffer(1024);
        JsonBodies.write(message, json ->
        {
            json.writeStartObject();
            json.writeStringField("stream", "trade_updates");
            json.writeObjectFieldStart("data");
            json.writeStringField("event", event);
            json.writeStringField("timestamp", o.updatedAt.toString());
            if (quantity > 0)
            {
                json.writeStringField("execution_id", newId());
                json.writeStringField("price", FixedPoint.formatPrice(price));
                json.writeStringField("qty", FixedPoint.formatQuantity(quantity));
                json.writeStringField("position_qty", FixedPoint.formatQuantity(positionQuantity[s]));
            }
            json.writeFieldName("order");
            SimEntityJson.writeOrder(json, o);
            json.writeEndObject();
            json.writeEndObject();
        });
        stream.broadcast(message);
    }
}
