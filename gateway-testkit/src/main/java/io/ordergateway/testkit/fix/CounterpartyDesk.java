package io.ordergateway.testkit.fix;

import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counterparty's trading desk: takes NewOrderSingle, OrderCancelRequest, OrderCancelReplaceRequest and
 * OrderStatusRequest from the acceptor's thread, has the simulated engine execute them, and answers with
 * ExecutionReports, OrderCancelRejects and BusinessMessageRejects from the engine's thread. On FIX.4.2 sessions it
 * answers the old way (ExecTransType=0, ExecType 1/2 for fills), on FIX.4.4 the new (ExecType F). A ClOrdID is
 * executed once: a repeat is ignored when it is a possible duplicate and refused otherwise.
 */
final class CounterpartyDesk implements Application
{
    /** One execution, as the counterparty's books have it. */
    record Execution(String clOrdId, String execId, String symbol, Side side, long quantity, long price)
    {
    }

    private final SymbolTable symbols;
    private final SimBroker engine;
    private final String username;
    private final String password;
    private final Map<String, DeskOrder> byClOrdId = new ConcurrentHashMap<>();
    private final Map<Long, DeskOrder> byEngineId = new ConcurrentHashMap<>();
    private final List<Execution> executions = new CopyOnWriteArrayList<>();
    private final DeskCommand command = new DeskCommand();
    private final AtomicLong nextEngineId = new AtomicLong(1);
    private final AtomicLong nextExecId = new AtomicLong(1);
    private final AtomicLong duplicatesRefused = new AtomicLong();
    private final AtomicLong possibleDuplicatesIgnored = new AtomicLong();
    private final CounterpartyFaults faults;
    private final BrokerEventSink engineEvents = new EngineEvents();

    CounterpartyDesk(final SymbolTable symbols, final SimBroker engine, final String username, final String password,
        final CounterpartyFaults faults)
    {
        this.symbols = symbols;
        this.engine = engine;
        this.username = username;
        this.password = password;
        this.faults = faults;
    }

    BrokerEventSink engineEvents()
    {
        return engineEvents;
    }

    List<Execution> executions()
    {
        return List.copyOf(executions);
    }

    long duplicatesRefused()
    {
        return duplicatesRefused.get();
    }

    long possibleDuplicatesIgnored()
    {
        return possibleDuplicatesIgnored.get();
    }

    /**
     * @param brokerId the gateway's id for this counterparty.
     * @param name     its name.
     * @return positions from the executions and the orders still working.
     */
    BrokerStatement statement(final String name, final int brokerId)
    {
        final TreeMap<String, Long> positions = new TreeMap<>();
        for (final Execution e : executions)
        {
            positions.merge(e.symbol(), e.side() == Side.BUY ? e.quantity() : -e.quantity(), Long::sum);
        }
        final List<BrokerStatement.Position> lines = new ArrayList<>();
        positions.forEach((symbol, quantity) ->
        {
            if (quantity != 0)
            {
                lines.add(new BrokerStatement.Position(symbol, quantity));
            }
        });
        final List<BrokerStatement.OpenOrder> open = new ArrayList<>();
        for (final DeskOrder o : byEngineId.values())
        {
            synchronized (o)
            {
                if (!o.done)
                {
                    open.add(new BrokerStatement.OpenOrder(o.clOrdId, o.symbol, o.side, o.quantity, o.filled, 0));
                }
            }
        }
        open.sort(java.util.Comparator.comparing(BrokerStatement.OpenOrder::clientOrderId));
        return new BrokerStatement(name, brokerId, lines, open);
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        // orders that were working when the counterparty stopped: its engine lost them, so they are canceled now
        for (final DeskOrder o : byEngineId.values())
        {
            synchronized (o)
            {
                if (o.session.equals(sessionId) && o.recovered && !o.done)
                {
                    o.done = true;
                    o.status = '4';
                    final Message er = orderReport(o, "4", '4', o.clOrdId);
                    er.setString(58, "canceled: the counterparty restarted");
                    send(er, sessionId);
                }
            }
        }
    }

    /**
     * Rebuilds the books from the ExecutionReports a session sent before a restart (its message store): the orders,
     * their fills, the ids to go on from. Orders still working then are canceled at the next logon.
     *
     * @param sessionId the session.
     * @param sent      its stored outgoing messages, oldest first.
     */
    void recover(final SessionID sessionId, final List<String> sent)
    {
        for (final String raw : sent)
        {
            try
            {
                final Message m = new Message(raw, false);
                if (!"8".equals(m.getHeader().getString(35)) || !m.isSetField(37) || "NONE".equals(m.getString(37)))
                {
                    continue;
                }
                recoverReport(sessionId, m);
            }
            catch (final quickfix.InvalidMessage | FieldNotFound ex)
            {
                // not an ExecutionReport this desk wrote: nothing to rebuild from it
            }
        }
    }

    private void recoverReport(final SessionID sessionId, final Message m) throws FieldNotFound
    {
        final long engineId = Long.parseLong(m.getString(37).substring(1));
        nextEngineId.accumulateAndGet(engineId + 1, Math::max);
        nextExecId.accumulateAndGet(Long.parseLong(m.getString(17).substring(1)) + 1, Math::max);
        DeskOrder o = byEngineId.get(engineId);
        final String clOrdId = m.getString(11);
        if (o == null)
        {
            final String symbol = m.getString(55);
            o = new DeskOrder(engineId, sessionId, m.isSetField(41) ? m.getString(41) : clOrdId, symbol,
                symbols.id(symbol), m.getChar(54) == '1' ? Side.BUY : Side.SELL,
                orderType(m.isSetField(40) ? m.getChar(40) : '1') == null ? OrderType.MARKET : orderType(m.getChar(40)),
                TimeInForce.DAY, quantity(m, 38), price(m, 44), price(m, 99), m.isSetField(1) ? m.getString(1) : null);
            o.recovered = true;
            byEngineId.put(engineId, o);
            byClOrdId.put(o.firstClOrdId, o);
        }
        byClOrdId.put(clOrdId, o);
        o.clOrdId = clOrdId;
        o.quantity = quantity(m, 38);
        o.status = m.getChar(39);
        o.done = o.status == '2' || o.status == '4' || o.status == '8' || o.status == 'C' || o.status == '3';
        final String execType = m.getString(150);
        if (m.isSetField(32) && m.isSetField(31) && ("F".equals(execType) || "1".equals(execType)
            || "2".equals(execType)))
        {
            final long quantity = quantity(m, 32);
            final long price = price(m, 31);
            o.filled += quantity;
            o.notional += (double)quantity / FixedPoint.QUANTITY_SCALE * price / FixedPoint.PRICE_SCALE;
            executions.add(new Execution(clOrdId, m.getString(17), o.symbol, o.side, quantity, price));
        }
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
    {
        if (!"A".equals(message.getHeader().getString(35)))
        {
            return;
        }
        if (faults.refuseLogon)
        {
            throw new RejectLogon("logons are refused (fault injected)");
        }
        if (username != null && !(message.isSetField(553) && username.equals(message.getString(553))
            && message.isSetField(554) && password.equals(message.getString(554))))
        {
            throw new RejectLogon("unknown username or wrong password");
        }
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final String type = message.getHeader().getString(35);
        switch (type)
        {
            case "D" -> onNewOrder(message, sessionId);
            case "F" -> onCancel(message, sessionId);
            case "G" -> onReplace(message, sessionId);
            case "H" -> onStatusRequest(message, sessionId);
            default -> businessReject(sessionId, message, type, 3, "message type " + type + " is not supported");
        }
    }

    private void onNewOrder(final Message m, final SessionID sessionId) throws FieldNotFound
    {
        final String clOrdId = m.getString(11);
        if (byClOrdId.containsKey(clOrdId))
        {
            if (!(m.getHeader().isSetField(43) && m.getHeader().getBoolean(43)))
            {
                duplicatesRefused.incrementAndGet();
                final Message er = report(sessionId, "8", '8', clOrdId, "NONE", m.getString(55), m.getChar(54));
                er.setInt(103, 6);
                er.setString(58, "duplicate ClOrdID " + clOrdId);
                send(er, sessionId);
            }
            else
            {
                possibleDuplicatesIgnored.incrementAndGet();
            }
            return; // a possible duplicate of an order held: executed once
        }
        final String symbol = m.getString(55);
        final int symbolId = symbols.id(symbol);
        final Side side = m.getChar(54) == '1' ? Side.BUY : Side.SELL;
        final OrderType type = orderType(m.isSetField(40) ? m.getChar(40) : '1');
        final TimeInForce tif = timeInForce(m.isSetField(59) ? m.getChar(59) : '0');
        final String reason = symbolId < 0 ? "unknown symbol " + symbol
            : type == null ? "unsupported OrdType" : tif == null ? "unsupported TimeInForce" : null;
        if (reason != null)
        {
            final Message er = report(sessionId, "8", '8', clOrdId, "NONE", symbol, m.getChar(54));
            er.setInt(103, symbolId < 0 ? 1 : 99);
            er.setString(58, reason);
            send(er, sessionId);
            return;
        }
        final DeskOrder order = new DeskOrder(nextEngineId.getAndIncrement(), sessionId, clOrdId, symbol, symbolId,
            side, type, tif, quantity(m, 38), price(m, 44), price(m, 99), m.isSetField(1) ? m.getString(1) : null);
        byClOrdId.put(clOrdId, order);
        byEngineId.put(order.engineId, order);
        synchronized (command)
        {
            engine.sendNew(command.set(CommandKind.NEW, order, order.quantity, order.limitPrice, order.stopPrice));
        }
    }

    private void onCancel(final Message m, final SessionID sessionId) throws FieldNotFound
    {
        if (faults.rejectCancels)
        {
            businessReject(sessionId, m, "F", 3, "order cancel requests are not supported");
            return;
        }
        final DeskOrder order = byClOrdId.get(m.getString(41));
        final String clOrdId = m.getString(11);
        if (!claim(order, sessionId, clOrdId, m.getString(41), '1', 'F'))
        {
            return;
        }
        synchronized (command)
        {
            engine.sendCancel(command.set(CommandKind.CANCEL, order, order.quantity, order.limitPrice,
                order.stopPrice));
        }
    }

    private void onReplace(final Message m, final SessionID sessionId) throws FieldNotFound
    {
        final DeskOrder order = byClOrdId.get(m.getString(41));
        final String clOrdId = m.getString(11);
        if (!claim(order, sessionId, clOrdId, m.getString(41), '2', 'G'))
        {
            return;
        }
        final long quantity = quantity(m, 38);
        final long limit = m.isSetField(44) ? price(m, 44) : order.limitPrice;
        final long stop = m.isSetField(99) ? price(m, 99) : order.stopPrice;
        synchronized (order)
        {
            order.pendingQuantity = quantity;
            order.pendingLimit = limit;
            order.pendingStop = stop;
        }
        synchronized (command)
        {
            engine.sendReplace(command.set(CommandKind.REPLACE, order, quantity, limit, stop));
        }
    }

    /**
     * Makes a cancel or replace request the order's pending one, or refuses it (unknown order, done, or another
     * request pending).
     */
    private boolean claim(final DeskOrder order, final SessionID sessionId, final String clOrdId,
        final String origClOrdId, final char responseTo, final char type)
    {
        if (order == null)
        {
            cancelReject(sessionId, clOrdId, origClOrdId, null, responseTo, 1, "unknown order");
            return false;
        }
        synchronized (order)
        {
            if (order.done || order.pendingClOrdId != null)
            {
                cancelReject(sessionId, clOrdId, origClOrdId, order, responseTo, 0,
                    order.done ? "order is done" : "a request is pending");
                return false;
            }
            order.pendingClOrdId = clOrdId;
            order.pendingType = type;
            byClOrdId.put(clOrdId, order);
            return true;
        }
    }

    private void onStatusRequest(final Message m, final SessionID sessionId) throws FieldNotFound
    {
        if (!faults.answerStatusRequests)
        {
            businessReject(sessionId, m, "H", 3, "order status requests are not supported");
            return;
        }
        final String clOrdId = m.getString(11);
        final DeskOrder order = byClOrdId.get(clOrdId);
        final Message er;
        if (order == null)
        {
            er = report(sessionId, "I", '8', clOrdId, "NONE", m.isSetField(55) ? m.getString(55) : "?",
                m.isSetField(54) ? m.getChar(54) : '1');
            er.setInt(103, 5);
            er.setString(58, "unknown order");
        }
        else
        {
            synchronized (order)
            {
                er = orderReport(order, "I", order.status, order.clOrdId);
            }
        }
        if (m.isSetField(790))
        {
            er.setString(790, m.getString(790));
        }
        send(er, sessionId);
    }

    private Message report(final SessionID sessionId, final String execType, final char status, final String clOrdId,
        final String orderId, final String symbol, final char side)
    {
        final Message er = new Message();
        er.getHeader().setString(35, "8");
        er.setString(37, orderId);
        er.setString(11, clOrdId);
        er.setString(17, "E" + nextExecId.getAndIncrement());
        if (isFix42(sessionId))
        {
            er.setChar(20, '0');
        }
        er.setString(150, execType);
        er.setChar(39, status);
        er.setString(55, symbol);
        er.setChar(54, side);
        er.setDecimal(151, BigDecimal.ZERO);
        er.setDecimal(14, BigDecimal.ZERO);
        er.setDecimal(6, BigDecimal.ZERO);
        er.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return er;
    }

    private Message orderReport(final DeskOrder o, final String execType, final char status, final String clOrdId)
    {
        final Message er = report(o.session, execType, status, clOrdId, "S" + o.engineId, o.symbol,
            o.side == Side.BUY ? '1' : '2');
        er.setDecimal(38, quantityDecimal(o.quantity));
        er.setDecimal(151, quantityDecimal(o.leaves()));
        er.setDecimal(14, quantityDecimal(o.filled));
        er.setDecimal(6, o.filled == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(o.notional * FixedPoint.QUANTITY_SCALE
            / o.filled).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros());
        er.setChar(40, ordType(o.type));
        if (o.limitPrice != FixedPoint.NULL)
        {
            er.setDecimal(44, priceDecimal(o.limitPrice));
        }
        if (o.stopPrice != FixedPoint.NULL)
        {
            er.setDecimal(99, priceDecimal(o.stopPrice));
        }
        if (o.account != null)
        {
            er.setString(1, o.account);
        }
        return er;
    }

    private void cancelReject(final SessionID sessionId, final String clOrdId, final String origClOrdId,
        final DeskOrder order, final char responseTo, final int reason, final String text)
    {
        final Message reject = new Message();
        reject.getHeader().setString(35, "9");
        reject.setString(37, order == null ? "NONE" : "S" + order.engineId);
        reject.setString(11, clOrdId);
        reject.setString(41, origClOrdId);
        reject.setChar(39, order == null ? '8' : order.status);
        reject.setChar(434, responseTo);
        reject.setInt(102, reason);
        reject.setString(58, text);
        send(reject, sessionId);
    }

    private void businessReject(final SessionID sessionId, final Message refused, final String refType,
        final int reason, final String text) throws FieldNotFound
    {
        final Message reject = new Message();
        reject.getHeader().setString(35, "j");
        reject.setInt(45, refused.getHeader().getInt(34));
        reject.setString(372, refType);
        if (refused.isSetField(11))
        {
            reject.setString(379, refused.getString(11));
        }
        reject.setInt(380, reason);
        reject.setString(58, text);
        send(reject, sessionId);
    }

    private void send(final Message message, final SessionID sessionId)
    {
        final boolean orderAnswer = !"I".equals(message.isSetField(150) ? safeString(message, 150) : "");
        if (faults.swallowAnswers && orderAnswer)
        {
            return;
        }
        final Session session = Session.lookupSession(sessionId);
        if (session != null)
        {
            session.send(message); // stored and sent, or sent on the resend the other side asks for once back
        }
    }

    private static String safeString(final Message m, final int tag)
    {
        try
        {
            return m.getString(tag);
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    private static boolean isFix42(final SessionID sessionId)
    {
        return "FIX.4.2".equals(sessionId.getBeginString());
    }

    private final class EngineEvents implements BrokerEventSink
    {
        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            final DeskOrder o = byEngineId.get(orderId);
            synchronized (o)
            {
                o.status = '0';
                send(orderReport(o, "0", '0', o.clOrdId), o.session);
            }
        }

        @Override
        public void rejected(final long orderId, final CommandKind kind, final RejectReason reason,
            final int brokerCode)
        {
            final DeskOrder o = byEngineId.get(orderId);
            synchronized (o)
            {
                if (kind == CommandKind.NEW)
                {
                    o.done = true;
                    o.status = '8';
                    final Message er = orderReport(o, "8", '8', o.clOrdId);
                    er.setInt(103, 99);
                    er.setString(58, reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    send(er, o.session);
                    return;
                }
                final String pending = o.pendingClOrdId;
                o.pendingClOrdId = null;
                cancelReject(o.session, pending == null ? o.clOrdId : pending, o.clOrdId, o,
                    kind == CommandKind.CANCEL ? '1' : '2', 0, reason.name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            final DeskOrder o = byEngineId.get(orderId);
            synchronized (o)
            {
                o.filled += quantity;
                o.notional += (double)quantity / FixedPoint.QUANTITY_SCALE * price / FixedPoint.PRICE_SCALE;
                final boolean full = o.filled >= o.quantity;
                o.status = full ? '2' : '1';
                o.done = full;
                final String execType = isFix42(o.session) ? (full ? "2" : "1") : "F";
                final Message er = orderReport(o, execType, o.status, o.clOrdId);
                er.setDecimal(32, quantityDecimal(quantity));
                er.setDecimal(31, priceDecimal(price));
                executions.add(new Execution(o.clOrdId, er.isSetField(17) ? safeString(er, 17) : "", o.symbol,
                    o.side, quantity, price));
                send(er, o.session);
            }
        }

        @Override
        public void canceled(final long orderId)
        {
            final DeskOrder o = byEngineId.get(orderId);
            synchronized (o)
            {
                o.done = true;
                o.status = '4';
                final String orig = o.clOrdId;
                final boolean asked = o.pendingClOrdId != null && o.pendingType == 'F';
                final String clOrdId = asked ? o.pendingClOrdId : o.clOrdId;
                o.pendingClOrdId = null;
                final Message er = orderReport(o, "4", '4', clOrdId);
                if (asked)
                {
                    er.setString(41, orig);
                    o.clOrdId = clOrdId;
                }
                send(er, o.session);
            }
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
            final DeskOrder o = byEngineId.get(orderId);
            synchronized (o)
            {
                final String orig = o.clOrdId;
                o.clOrdId = o.pendingClOrdId == null ? o.clOrdId : o.pendingClOrdId;
                o.pendingClOrdId = null;
                o.quantity = quantity;
                o.limitPrice = limitPrice;
                o.stopPrice = stopPrice;
                o.status = o.filled == 0 ? '0' : '1';
                final Message er = orderReport(o, "5", o.status, o.clOrdId);
                er.setString(41, orig);
                send(er, o.session);
            }
        }

        @Override
        public void expired(final long orderId)
        {
            final DeskOrder o = byEngineId.get(orderId);
            synchronized (o)
            {
                o.done = true;
                o.status = 'C';
                send(orderReport(o, "C", 'C', o.clOrdId), o.session);
            }
        }
    }

    private static OrderType orderType(final char c)
    {
        return switch (c)
        {
            case '1' -> OrderType.MARKET;
            case '2' -> OrderType.LIMIT;
            case '3' -> OrderType.STOP;
            case '4' -> OrderType.STOP_LIMIT;
            default -> null;
        };
    }

    private static char ordType(final OrderType t)
    {
        return switch (t)
        {
            case MARKET -> '1';
            case LIMIT -> '2';
            case STOP -> '3';
            case STOP_LIMIT -> '4';
            case TRAILING_STOP -> 'P';
        };
    }

    private static TimeInForce timeInForce(final char c)
    {
        return switch (c)
        {
            case '0' -> TimeInForce.DAY;
            case '1' -> TimeInForce.GTC;
            case '2' -> TimeInForce.OPG;
            case '3' -> TimeInForce.IOC;
            case '4' -> TimeInForce.FOK;
            case '7' -> TimeInForce.CLS;
            default -> null;
        };
    }

    private static long quantity(final Message m, final int tag) throws FieldNotFound
    {
        return m.getDecimal(tag).movePointRight(9).longValue();
    }

    private static long price(final Message m, final int tag) throws FieldNotFound
    {
        return m.isSetField(tag) ? m.getDecimal(tag).movePointRight(8).longValue() : FixedPoint.NULL;
    }

    private static BigDecimal quantityDecimal(final long quantity)
    {
        return BigDecimal.valueOf(quantity, 9).stripTrailingZeros();
    }

    private static BigDecimal priceDecimal(final long price)
    {
        return BigDecimal.valueOf(price, 8).stripTrailingZeros();
    }
}
