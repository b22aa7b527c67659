package io.ordergateway.adapters.fix;

import io.ordergateway.adapters.fix.codec.decoder.BusinessMessageRejectDecoder;
import io.ordergateway.adapters.fix.codec.decoder.ExecutionReportDecoder;
import io.ordergateway.adapters.fix.codec.decoder.OrderCancelRejectDecoder;
import io.ordergateway.adapters.fix.codec.decoder.RejectDecoder;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.fields.DecimalFloat;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Turns what the counterparty sends into the gateway's events. State comes from OrdStatus and CumQty, not from the
 * ExecType alone, so the variations counterparties send are all understood: FIX 4.2's ExecTransType with ExecType
 * 1/2 for fills, ExecType=Trade with OrdStatus=New, a New without LastPx, a status answer (ExecType=I) that carries
 * fills not seen. A fill counts once: only cumulative quantity beyond what was reported is a fill (so a resent or
 * repeated report adds nothing), its id is the ExecID's hash, and a fill beyond the order's quantity is refused.
 * OrderCancelReject, BusinessMessageReject and session-level Reject become rejects of the command they refuse.
 * Agent thread only; allocates only on the rare paths (unknown orders, rejects' texts in logs).
 */
final class FixExecutions
{
    private static final Logger LOG = LoggerFactory.getLogger(FixExecutions.class);
    private static final int QUANTITY_DIGITS = io.ordergateway.journal.FixedPoint.QUANTITY_DECIMALS;
    private static final int PRICE_DIGITS = io.ordergateway.journal.FixedPoint.PRICE_DECIMALS;

    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final OrderCancelRejectDecoder cancelReject = new OrderCancelRejectDecoder();
    private final BusinessMessageRejectDecoder businessReject = new BusinessMessageRejectDecoder();
    private final RejectDecoder sessionReject = new RejectDecoder();
    private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
    private final FixOrders orders;
    private final FixClOrdIds clOrdIds;
    private final FixQueries queries;
    private final FixSentMessages sent;
    private final SymbolTable symbols;
    private final String name;
    private BrokerEventSink sink;

    FixExecutions(final String name, final FixOrders orders, final FixClOrdIds clOrdIds, final FixQueries queries,
        final FixSentMessages sent, final SymbolTable symbols)
    {
        this.name = name;
        this.orders = orders;
        this.clOrdIds = clOrdIds;
        this.queries = queries;
        this.sent = sent;
        this.symbols = symbols;
    }

    void sink(final BrokerEventSink s)
    {
        sink = s;
    }

    /**
     * @param buffer      the message.
     * @param offset      where it starts.
     * @param length      its length.
     * @param messageType Artio's packed message type.
     */
    void onMessage(final DirectBuffer buffer, final int offset, final int length, final long messageType)
    {
        ascii.wrap(buffer, offset, length);
        if (messageType == ExecutionReportDecoder.MESSAGE_TYPE)
        {
            report.reset();
            report.decode(ascii, 0, length);
            onExecutionReport();
        }
        else if (messageType == OrderCancelRejectDecoder.MESSAGE_TYPE)
        {
            cancelReject.reset();
            cancelReject.decode(ascii, 0, length);
            onCancelReject();
        }
        else if (messageType == BusinessMessageRejectDecoder.MESSAGE_TYPE)
        {
            businessReject.reset();
            businessReject.decode(ascii, 0, length);
            onBusinessReject();
        }
        else if (messageType == RejectDecoder.MESSAGE_TYPE)
        {
            sessionReject.reset();
            sessionReject.decode(ascii, 0, length);
            onSessionReject();
        }
    }

    /**
     * @param buffer      the message.
     * @param offset      where it starts.
     * @param length      its length.
     * @param messageType Artio's packed message type.
     * @return whether it answers a question (a status request's ExecutionReport, or the refusal of status
     *         requests): such messages are handled even before the gateway listens.
     */
    boolean isAnswer(final DirectBuffer buffer, final int offset, final int length, final long messageType)
    {
        ascii.wrap(buffer, offset, length);
        if (messageType == ExecutionReportDecoder.MESSAGE_TYPE)
        {
            report.reset();
            report.decode(ascii, 0, length);
            if (report.execType() != 'I' && !report.hasOrdStatusReqID())
            {
                return false;
            }
            final long id = clOrdIds.parse(report.clOrdID(), report.clOrdIDLength());
            return id >= 0 && queries.answers(id);
        }
        if (messageType == BusinessMessageRejectDecoder.MESSAGE_TYPE)
        {
            businessReject.reset();
            businessReject.decode(ascii, 0, length);
            return businessReject.hasRefMsgType() && businessReject.refMsgTypeLength() == 1
                && businessReject.refMsgType()[0] == 'H';
        }
        return false;
    }

    private void onExecutionReport()
    {
        final ExecutionReportDecoder r = report;
        long id = clOrdIds.parse(r.clOrdID(), r.clOrdIDLength());
        int request = clOrdIds.parsedRequest();
        if (id < 0 && r.hasOrigClOrdID())
        {
            id = clOrdIds.parse(r.origClOrdID(), r.origClOrdIDLength());
            request = clOrdIds.parsedRequest();
        }
        final char status = r.ordStatus();
        final char execType = r.execType();
        final boolean statusAnswer = execType == 'I' || r.hasOrdStatusReqID();
        if (id < 0)
        {
            if (statusAnswer && status == '8')
            {
                queries.unknownOrder(r.clOrdID(), r.clOrdIDLength());
            }
            else
            {
                if (LOG.isDebugEnabled())
                {
                    LOG.debug("{}: ExecutionReport for ClOrdID {} is not for an order of this gateway", name,
                        r.clOrdIDAsString());
                }
            }
            return;
        }
        final long cum = r.hasCumQty() ? scaled(r.cumQty(), QUANTITY_DIGITS) : -1;
        if (statusAnswer && queries.answers(id))
        {
            answer(id, r, status, cum);
            return;
        }
        FixOrder o = orders.get(id);
        if (o == null)
        {
            o = adopt(id, r);
            if (o == null)
            {
                return;
            }
        }
        if (o.done)
        {
            return;
        }
        if (status == '8' || execType == '8')
        {
            rejected(o, r);
            return;
        }
        if (!o.acknowledged && status != 'A')
        {
            o.acknowledged = true;
            sink.acknowledged(o.orderId, hash(r.orderID(), r.orderIDLength()));
        }
        if (execType == 'H' || execType == 'G'
            || r.hasExecTransType() && (r.execTransType() == '1' || r.execTransType() == '2'))
        {
            final boolean bust = execType == 'H' || r.hasExecTransType() && r.execTransType() == '1';
            LOG.warn("{}: order {} execution {} was {} by the counterparty; not applied: check the position",
                name, o.orderId, r.execIDAsString(), bust ? "busted" : "corrected");
            return;
        }
        if (cum > o.filled)
        {
            fill(o, r, cum);
        }
        else if (cum < 0 && (execType == 'F' || execType == '1' || execType == '2') && r.hasLastQty())
        {
            fill(o, r, o.filled + scaled(r.lastQty(), QUANTITY_DIGITS)); // no CumQty: trust LastQty, once by ExecID
        }
        if (execType == '5' && (request == o.pendingRequest || request > o.currentRequest))
        {
            o.currentRequest = request;
            o.pendingRequest = 0;
            final long quantity = r.hasOrderQty() ? scaled(r.orderQty(), QUANTITY_DIGITS) : o.pendingQuantity;
            o.quantity = quantity;
            o.limitPrice = r.hasPrice() ? scaled(r.price(), PRICE_DIGITS) : o.pendingLimit;
            o.stopPrice = r.hasStopPx() ? scaled(r.stopPx(), PRICE_DIGITS) : o.pendingStop;
            sink.replaced(o.orderId, quantity, o.limitPrice, o.stopPrice);
        }
        switch (status)
        {
            case '4' -> finish(o, true);
            case 'C' -> finish(o, false);
            case '3' ->
            {
                if (o.timeInForce == io.ordergateway.core.domain.TimeInForce.DAY)
                {
                    finish(o, false); // done for day: a day order is over; a GTC one works again tomorrow
                }
            }
            case '2' ->
            {
                if (o.filled >= o.quantity)
                {
                    o.done = true;
                    orders.finished(o);
                }
            }
            default ->
            {
                if (execType == '4')
                {
                    finish(o, true);
                }
                else if (execType == 'C'
                    || execType == '3' && o.timeInForce == io.ordergateway.core.domain.TimeInForce.DAY)
                {
                    finish(o, false);
                }
            }
        }
    }

    /**
     * A status answer to a question of the gateway's: the answer carries, as its one fill, what the counterparty
     * filled beyond what the gateway was told (from the live reports, or the journal at start), and the order takes
     * the state the asker will report, so later reports do not report it again.
     */
    private void answer(final long id, final ExecutionReportDecoder r, final char status, final long reportedCum)
    {
        final boolean unknown = status == '8' && r.hasOrdRejReason() && r.ordRejReason() == 5;
        final long cum = Math.max(reportedCum, 0);
        final long average = scaled(r.avgPx(), PRICE_DIGITS);
        final FixOrder o = orders.get(id);
        final long before = o == null ? 0 : o.filled;
        BrokerOrderStatus.Fill newFill = null;
        if (cum > before)
        {
            final double beforeNotional = o == null ? 0 : o.notional;
            final long quantity = cum - before;
            final long price = Math.round(((double)cum * average - beforeNotional) / quantity);
            newFill = new BrokerOrderStatus.Fill(execIdHash(), quantity, price);
            if (o != null)
            {
                o.filled = cum;
                o.notional = (double)cum * average;
            }
        }
        queries.answer(id, unknown, status, r.hasOrderQty() ? scaled(r.orderQty(), QUANTITY_DIGITS) : 0, cum,
            average, newFill);
        if (o != null)
        {
            o.pendingRequest = 0; // an unanswered cancel or replace is settled by the asker
            if (unknown || status == '2' || status == '4' || status == '8' || status == 'C')
            {
                orders.finished(o);
            }
            else
            {
                o.acknowledged = true;
            }
        }
    }

    private FixOrder adopt(final long id, final ExecutionReportDecoder r)
    {
        // an order of this gateway sent before a restart: learn its fields from the report
        final int symbolId = symbols.id(r.symbolAsString());
        if (symbolId < 0 || !r.hasOrderQty())
        {
            LOG.warn("{}: ExecutionReport for order {} names symbol {} or no quantity; not applied", name, id,
                r.symbolAsString());
            return null;
        }
        final FixOrder o = orders.track(id);
        o.symbolId = symbolId;
        o.side = r.side() == '1' ? Side.BUY : Side.SELL;
        o.quantity = scaled(r.orderQty(), QUANTITY_DIGITS);
        o.acknowledged = true; // the gateway knows it from its journal
        o.currentRequest = clOrdIds.parsedRequest();
        return o;
    }

    private void fill(final FixOrder o, final ExecutionReportDecoder r, final long cum)
    {
        final long quantity = cum - o.filled;
        if (cum > o.quantity && o.quantity > 0)
        {
            LOG.error("{}: order {} reported filled {} of {} (ExecID {}): overfill refused", name, o.orderId, cum,
                o.quantity, r.execIDAsString());
            return;
        }
        long price = r.hasLastPx() ? scaled(r.lastPx(), PRICE_DIGITS) : 0;
        if (price <= 0 || r.hasLastQty() && scaled(r.lastQty(), QUANTITY_DIGITS) != quantity)
        {
            // the report covers more than its LastQty (or lacks LastPx): price the new part from AvgPx
            final double total = (double)cum * scaled(r.avgPx(), PRICE_DIGITS);
            price = Math.round((total - o.notional) / quantity);
        }
        o.filled = cum;
        o.notional += (double)quantity * price;
        sink.filled(o.orderId, execIdHash(), quantity, price);
    }

    private void finish(final FixOrder o, final boolean canceled)
    {
        o.done = true;
        o.pendingRequest = 0;
        if (canceled)
        {
            sink.canceled(o.orderId);
        }
        else
        {
            sink.expired(o.orderId);
        }
        orders.finished(o);
    }

    private void rejected(final FixOrder o, final ExecutionReportDecoder r)
    {
        final int code = r.hasOrdRejReason() ? r.ordRejReason() : 0;
        if (!o.acknowledged)
        {
            if (code == 6 && o.filled > 0)
            {
                return; // our own resent order refused as a duplicate: the order stands
            }
            o.done = true;
            LOG.info("{}: order {} rejected: {} ({})", name, o.orderId, r.hasText() ? r.textAsString() : "", code);
            sink.rejected(o.orderId, CommandKind.NEW, ordRejReason(code, r), code);
            orders.finished(o);
        }
        else if (code != 6 && o.pendingRequest != 0)
        {
            final CommandKind kind = o.pendingIsReplace ? CommandKind.REPLACE : CommandKind.CANCEL;
            o.pendingRequest = 0;
            sink.rejected(o.orderId, kind, RejectReason.BROKER_REJECTED, code);
        }
    }

    private void onCancelReject()
    {
        final OrderCancelRejectDecoder r = cancelReject;
        final long id = clOrdIds.parse(r.clOrdID(), r.clOrdIDLength());
        final FixOrder o = id < 0 ? null : orders.get(id);
        if (o == null || o.done)
        {
            return;
        }
        final CommandKind kind = r.cxlRejResponseTo() == '2' ? CommandKind.REPLACE : CommandKind.CANCEL;
        final int code = r.hasCxlRejReason() ? r.cxlRejReason() : 99;
        o.pendingRequest = 0;
        LOG.info("{}: {} of order {} refused: {} ({})", name, kind, id, r.hasText() ? r.textAsString() : "", code);
        sink.rejected(o.orderId, kind, code == 0 ? RejectReason.ORDER_NOT_ACTIVE
            : code == 1 ? RejectReason.UNKNOWN_ORDER : RejectReason.BROKER_REJECTED, code);
        if (code == 1 || code == 0 && r.ordStatus() != '0' && r.ordStatus() != '1' && r.ordStatus() != 'E'
            && r.ordStatus() != '6' && r.ordStatus() != 'A')
        {
            LOG.debug("{}: order {} is done at the counterparty (OrdStatus {})", name, id, r.ordStatus());
        }
    }

    private void onBusinessReject()
    {
        final BusinessMessageRejectDecoder r = businessReject;
        final char type = r.hasRefMsgType() && r.refMsgTypeLength() == 1 ? r.refMsgType()[0] : '?';
        final String text = r.hasText() ? r.textAsString() : "";
        if (type == 'H')
        {
            if (r.businessRejectReason() == 3)
            {
                queries.unsupported("the counterparty refuses order status requests (" + text + ")");
            }
            else if (r.hasBusinessRejectRefID())
            {
                final long refused = clOrdIds.parse(r.businessRejectRefID(), r.businessRejectRefIDLength());
                queries.refused(refused, "the counterparty refused the status request (" + text + ", "
                    + "BusinessRejectReason " + r.businessRejectReason() + ")");
            }
            return;
        }
        final long id = r.hasBusinessRejectRefID() ? clOrdIds.parse(r.businessRejectRefID(),
            r.businessRejectRefIDLength()) : r.hasRefSeqNum() ? sent.orderOf(r.refSeqNum()) : -1;
        final FixOrder o = id < 0 ? null : orders.get(id);
        if (o == null || o.done)
        {
            LOG.warn("{}: BusinessMessageReject of a {} message: {}", name, type, text);
            return;
        }
        final int code = r.businessRejectReason();
        LOG.warn("{}: the counterparty refused the {} of order {}: {} (BusinessRejectReason {})", name,
            type == 'D' ? "order" : type == 'F' ? "cancel" : "replace", id, text, code);
        if (type == 'D')
        {
            o.done = true;
            sink.rejected(id, CommandKind.NEW, code == 3 ? RejectReason.UNSUPPORTED_ORDER_TYPE
                : RejectReason.BROKER_REJECTED, code);
            orders.finished(o);
        }
        else
        {
            o.pendingRequest = 0;
            sink.rejected(id, type == 'G' ? CommandKind.REPLACE : CommandKind.CANCEL, RejectReason.BROKER_REJECTED,
                code);
        }
    }

    private void onSessionReject()
    {
        final RejectDecoder r = sessionReject;
        final int seq = r.refSeqNum();
        final long id = sent.orderOf(seq);
        final FixOrder o = id < 0 ? null : orders.get(id);
        LOG.warn("{}: the counterparty rejected message {} (tag {}, reason {}): {}", name, seq,
            r.hasRefTagID() ? r.refTagID() : 0, r.hasSessionRejectReason() ? r.sessionRejectReason() : 0,
            r.hasText() ? r.textAsString() : "");
        if (o == null || o.done)
        {
            return;
        }
        final CommandKind kind = sent.commandOf(seq);
        if (kind == CommandKind.NEW)
        {
            o.done = true;
            sink.rejected(id, CommandKind.NEW, RejectReason.INVALID_ORDER, r.hasRefTagID() ? r.refTagID() : 0);
            orders.finished(o);
        }
        else
        {
            o.pendingRequest = 0;
            sink.rejected(id, kind, RejectReason.BROKER_REJECTED, r.hasRefTagID() ? r.refTagID() : 0);
        }
    }

    private static RejectReason ordRejReason(final int code, final ExecutionReportDecoder r)
    {
        return switch (code)
        {
            case 1 -> RejectReason.UNKNOWN_SYMBOL;
            case 2, 4 -> RejectReason.MARKET_CLOSED;
            case 3 -> RejectReason.RISK_LIMIT;
            case 5 -> RejectReason.UNKNOWN_ORDER;
            case 6 -> RejectReason.DUPLICATE_CLIENT_ID;
            case 11 -> RejectReason.UNSUPPORTED_ORDER_TYPE;
            case 13 -> RejectReason.INVALID_QUANTITY;
            case 18 -> RejectReason.INVALID_PRICE;
            default -> r.hasText() && textContains(r.text(), r.textLength(), "insufficient")
                ? RejectReason.INSUFFICIENT_FUNDS : RejectReason.BROKER_REJECTED;
        };
    }

    private static boolean textContains(final char[] text, final int length, final String word)
    {
        outer:
        for (int i = 0; i + word.length() <= length; i++)
        {
            for (int j = 0; j < word.length(); j++)
            {
                if (Character.toLowerCase(text[i + j]) != word.charAt(j))
                {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private long execIdHash()
    {
        return hash(report.execID(), report.execIDLength());
    }

    /**
     * @param chars  characters.
     * @param length how many.
     * @return their 64-bit FNV-1a hash, never 0 (0 is no id).
     */
    static long hash(final char[] chars, final int length)
    {
        final long h = io.ordergateway.adapters.support.Fnv1aHash.of(chars, length);
        return h == 0 ? 1 : h;
    }

    /**
     * @param value  a decoded decimal.
     * @param digits the gateway's scale digits.
     * @return it as a scaled long.
     */
    static long scaled(final DecimalFloat value, final int digits)
    {
        long v = value.value();
        int scale = value.scale();
        while (scale < digits)
        {
            v *= 10;
            scale++;
        }
        while (scale > digits)
        {
            v = Math.round(v / 10.0);
            scale--;
        }
        return v;
    }
}
