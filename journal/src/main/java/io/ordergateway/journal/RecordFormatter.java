package io.ordergateway.journal;

import io.ordergateway.journal.sbe.*;
import org.agrona.DirectBuffer;

import java.time.Instant;

/**
 * Renders journal records as one readable line each, e.g.
 * {@code 2026-11-21T09:30:00.000001Z seq=42 OrderNew order=7 acct=1 AAPL BUY LIMIT DAY qty=100 limit=187.25}.
 * Prices and quantities are printed as decimals (see {@link FixedPoint}). For tools, not the hot path.
 */
public final class RecordFormatter
{
    private final OrderNewDecoder orderNew = new OrderNewDecoder();
    private final OrderCancelDecoder orderCancel = new OrderCancelDecoder();
    private final OrderReplaceDecoder orderReplace = new OrderReplaceDecoder();
    private final OrderDeniedDecoder orderDenied = new OrderDeniedDecoder();
    private final OrderRoutedDecoder orderRouted = new OrderRoutedDecoder();
    private final OrderSentDecoder orderSent = new OrderSentDecoder();
    private final BrokerAckDecoder brokerAck = new BrokerAckDecoder();
    private final BrokerRejectDecoder brokerReject = new BrokerRejectDecoder();
    private final PartialFillDecoder partialFill = new PartialFillDecoder();
    private final FillDecoder fill = new FillDecoder();
    private final CancelConfirmedDecoder cancelConfirmed = new CancelConfirmedDecoder();
    private final ExpiredDecoder expired = new ExpiredDecoder();
    private final ReplaceConfirmedDecoder replaceConfirmed = new ReplaceConfirmedDecoder();
    private final EventRefusedDecoder eventRefused = new EventRefusedDecoder();
    private final TradingControlDecoder tradingControl = new TradingControlDecoder();

    /**
     * The record type's name for a template id, as used by filters and dumps.
     *
     * @param templateId the SBE template id.
     * @return the name, or {@code "Unknown<id>"}.
     */
    public static String recordName(final int templateId)
    {
        switch (templateId)
        {
            case OrderNewDecoder.TEMPLATE_ID: return "OrderNew";
            case OrderCancelDecoder.TEMPLATE_ID: return "OrderCancel";
            case OrderReplaceDecoder.TEMPLATE_ID: return "OrderReplace";
            case OrderDeniedDecoder.TEMPLATE_ID: return "OrderDenied";
            case OrderRoutedDecoder.TEMPLATE_ID: return "OrderRouted";
            case OrderSentDecoder.TEMPLATE_ID: return "OrderSent";
            case BrokerAckDecoder.TEMPLATE_ID: return "BrokerAck";
            case BrokerRejectDecoder.TEMPLATE_ID: return "BrokerReject";
            case PartialFillDecoder.TEMPLATE_ID: return "PartialFill";
            case FillDecoder.TEMPLATE_ID: return "Fill";
            case CancelConfirmedDecoder.TEMPLATE_ID: return "CancelConfirmed";
            case ExpiredDecoder.TEMPLATE_ID: return "Expired";
            case ReplaceConfirmedDecoder.TEMPLATE_ID: return "ReplaceConfirmed";
            case EventRefusedDecoder.TEMPLATE_ID: return "EventRefused";
            case TradingControlDecoder.TEMPLATE_ID: return "TradingControl";
            case io.ordergateway.journal.sbe.TickDecoder.TEMPLATE_ID: return "Tick";
            case io.ordergateway.journal.sbe.RoutingChangeDecoder.TEMPLATE_ID: return "RoutingChange";
            case io.ordergateway.journal.sbe.ProbeResultDecoder.TEMPLATE_ID: return "ProbeResult";
            case io.ordergateway.journal.sbe.RoutingCommandDecoder.TEMPLATE_ID: return "RoutingCommand";
            case io.ordergateway.journal.sbe.RoutingSetupDecoder.TEMPLATE_ID: return "RoutingSetup";
            case io.ordergateway.journal.sbe.SettingsChangeDecoder.TEMPLATE_ID: return "SettingsChange";
            case io.ordergateway.journal.sbe.BrokerBudgetDecoder.TEMPLATE_ID: return "BrokerBudget";
            default: return "Unknown" + templateId;
        }
    }

    /**
     * Appends one record as text (no line break).
     *
     * @param out         where to write.
     * @param templateId  which record.
     * @param buffer      the bytes.
     * @param offset      start of the root block.
     * @param blockLength the writer's block length.
     * @param version     the writer's schema version.
     * @return {@code out}.
     */
    public StringBuilder format(
        final StringBuilder out, final int templateId, final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case OrderNewDecoder.TEMPLATE_ID:
            {
                final OrderNewDecoder d = orderNew.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(" acct=").append(d.accountId()).append(" strategy=").append(d.strategyId())
                    .append(' ').append(d.symbolName().trim()).append(' ').append(d.side()).append(' ').append(d.orderType())
                    .append(' ').append(d.timeInForce());
                if (d.orderClass() != OrderClass.SIMPLE)
                {
                    out.append(' ').append(d.orderClass());
                }
                quantity(out, " qty=", d.quantity());
                price(out, " limit=", d.limitPrice());
                price(out, " stop=", d.stopPrice());
                price(out, " trail=", d.trailPrice());
                price(out, " trail%=", d.trailPercent());
                price(out, " tp=", d.takeProfitLimitPrice());
                price(out, " sl=", d.stopLossStopPrice());
                price(out, " sl.limit=", d.stopLossLimitPrice());
                if (d.extendedHours() == BooleanType.TRUE)
                {
                    out.append(" extended-hours");
                }
                return out;
            }
            case OrderCancelDecoder.TEMPLATE_ID:
            {
                final OrderCancelDecoder d = orderCancel.wrap(buffer, offset, blockLength, version);
                return head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
            }
            case OrderReplaceDecoder.TEMPLATE_ID:
            {
                final OrderReplaceDecoder d = orderReplace.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                quantity(out, " qty=", d.quantity());
                price(out, " limit=", d.limitPrice());
                return price(out, " stop=", d.stopPrice());
            }
            case OrderDeniedDecoder.TEMPLATE_ID:
            {
                final OrderDeniedDecoder d = orderDenied.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(' ').append(d.command()).append(" reason=").append(d.reason());
                if (d.field() != DetailField.NONE)
                {
                    out.append(" field=").append(d.field()).append(" value=");
                    DetailFormat.append(out, d.field(), d.value()).append(" bound=");
                    DetailFormat.append(out, d.field(), d.bound());
                }
                return out;
            }
            case OrderRoutedDecoder.TEMPLATE_ID:
            {
                final OrderRoutedDecoder d = orderRouted.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" broker=").append(d.brokerId()).append(" policy=").append(d.policy());
            }
            case OrderSentDecoder.TEMPLATE_ID:
            {
                final OrderSentDecoder d = orderSent.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" broker=").append(d.brokerId()).append(' ').append(d.command())
                    .append(" clientOrderId=").append(d.clientOrderId().trim());
            }
            case BrokerAckDecoder.TEMPLATE_ID:
            {
                final BrokerAckDecoder d = brokerAck.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" broker=").append(d.brokerId()).append(" brokerOrderId=").append(d.brokerOrderId())
                    .append(" state=").append(d.state());
            }
            case BrokerRejectDecoder.TEMPLATE_ID:
            {
                final BrokerRejectDecoder d = brokerReject.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" broker=").append(d.brokerId()).append(' ').append(d.command())
                    .append(" reason=").append(d.reason()).append(" brokerCode=").append(d.brokerCode())
                    .append(" state=").append(d.state());
            }
            case PartialFillDecoder.TEMPLATE_ID:
            {
                final PartialFillDecoder d = partialFill.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                fill(out, d.brokerId(), d.fillId(), d.side(), d.lastQuantity(), d.lastPrice(), d.cumQuantity(),
                    d.leavesQuantity(), d.avgPrice(), d.state());
                return d.source() == FillSource.RECONCILIATION ? out.append(" source=RECONCILIATION") : out;
            }
            case FillDecoder.TEMPLATE_ID:
            {
                final FillDecoder d = fill.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                fill(out, d.brokerId(), d.fillId(), d.side(), d.lastQuantity(), d.lastPrice(), d.cumQuantity(),
                    d.leavesQuantity(), d.avgPrice(), d.state());
                return d.source() == FillSource.RECONCILIATION ? out.append(" source=RECONCILIATION") : out;
            }
            case CancelConfirmedDecoder.TEMPLATE_ID:
            {
                final CancelConfirmedDecoder d = cancelConfirmed.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(" broker=").append(d.brokerId());
                return quantity(out, " cum=", d.cumQuantity()).append(" state=").append(d.state());
            }
            case ExpiredDecoder.TEMPLATE_ID:
            {
                final ExpiredDecoder d = expired.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(" broker=").append(d.brokerId());
                return quantity(out, " cum=", d.cumQuantity()).append(" state=").append(d.state());
            }
            case ReplaceConfirmedDecoder.TEMPLATE_ID:
            {
                final ReplaceConfirmedDecoder d = replaceConfirmed.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(" broker=").append(d.brokerId());
                quantity(out, " qty=", d.quantity());
                price(out, " limit=", d.limitPrice());
                price(out, " stop=", d.stopPrice());
                return out.append(" state=").append(d.state());
            }
            case EventRefusedDecoder.TEMPLATE_ID:
            {
                final EventRefusedDecoder d = eventRefused.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" refused=").append(recordName(d.refusedTemplateId())).append(" kind=").append(d.kind())
                    .append(" state=").append(d.state());
            }
            case TradingControlDecoder.TEMPLATE_ID:
            {
                final TradingControlDecoder d = tradingControl.wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(' ').append(d.control()).append(d.engaged() == BooleanType.TRUE ? " ON" : " OFF")
                    .append(" account=").append(d.accountId() < 0 ? "all" : Integer.toString(d.accountId()));
            }
            case io.ordergateway.journal.sbe.TickDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.TickDecoder d = new io.ordergateway.journal.sbe.TickDecoder().wrap(buffer, offset, blockLength, version);
                return head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
            }
            case io.ordergateway.journal.sbe.RoutingChangeDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.RoutingChangeDecoder d =
                    new io.ordergateway.journal.sbe.RoutingChangeDecoder().wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(' ').append(d.kind()).append(" broker=").append(d.brokerId());
                if (d.otherBrokerId() >= 0)
                {
                    out.append(" from=").append(d.otherBrokerId());
                }
                return d.value() != 0 ? out.append(" value=").append(d.value()) : out;
            }
            case io.ordergateway.journal.sbe.ProbeResultDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.ProbeResultDecoder d =
                    new io.ordergateway.journal.sbe.ProbeResultDecoder().wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" broker=").append(d.brokerId()).append(d.healthy() == BooleanType.TRUE ? " HEALTHY" : " UNHEALTHY");
            }
            case io.ordergateway.journal.sbe.RoutingCommandDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.RoutingCommandDecoder d =
                    new io.ordergateway.journal.sbe.RoutingCommandDecoder().wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(' ').append(d.command()).append(" broker=").append(d.brokerId());
            }
            case io.ordergateway.journal.sbe.BrokerBudgetDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.BrokerBudgetDecoder d =
                    new io.ordergateway.journal.sbe.BrokerBudgetDecoder().wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(" broker=").append(d.brokerId()).append(" remaining=").append(d.remaining()).append(" reset=")
                    .append(Instant.ofEpochSecond(0, d.resetNanos()));
            }
            case io.ordergateway.journal.sbe.SettingsChangeDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.SettingsChangeDecoder d =
                    new io.ordergateway.journal.sbe.SettingsChangeDecoder().wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                return out.append(' ').append(d.settings());
            }
            case io.ordergateway.journal.sbe.RoutingSetupDecoder.TEMPLATE_ID:
            {
                final io.ordergateway.journal.sbe.RoutingSetupDecoder d =
                    new io.ordergateway.journal.sbe.RoutingSetupDecoder().wrap(buffer, offset, blockLength, version);
                head(out, d.timestamp(), d.sequence(), templateId, d.orderId());
                out.append(" policy=").append(d.defaultPolicy()).append(" failureThreshold=").append(d.failureThreshold())
                    .append(" breakerOpen=").append(d.breakerOpenNanos() / 1_000_000).append("ms recovery=")
                    .append(d.recoveryNanos() / 1_000_000).append("ms holdDown=").append(d.holdDownNanos() / 1_000_000)
                    .append("ms sendTimeout=").append(d.sendTimeoutNanos() / 1_000_000).append("ms chain=");
                final int[] chain = new int[64];
                int n = 0;
                for (final io.ordergateway.journal.sbe.RoutingSetupDecoder.BrokersDecoder b : d.brokers())
                {
                    chain[b.chainPosition()] = b.brokerId();
                    n++;
                }
                for (int i = 0; i < n; i++)
                {
                    out.append(i == 0 ? "" : ",").append(chain[i]);
                }
                return out;
            }
            default:
                return out.append("Unknown record template ").append(templateId).append(" (").append(blockLength).append(" bytes)");
        }
    }

    private static StringBuilder head(
        final StringBuilder out, final long timestamp, final long sequence, final int templateId, final long orderId)
    {
        out.append(Instant.ofEpochSecond(Math.floorDiv(timestamp, 1_000_000_000L), Math.floorMod(timestamp, 1_000_000_000L)))
            .append(" seq=").append(sequence).append(' ');
        final String name = recordName(templateId);
        out.append(name);
        for (int i = name.length(); i < 16; i++)
        {
            out.append(' ');
        }
        return out.append(" order=").append(orderId);
    }

    private static StringBuilder fill(
        final StringBuilder out, final int brokerId, final long fillId, final Side side, final long lastQty, final long lastPrice,
        final long cumQty, final long leavesQty, final long avgPrice, final OrderState state)
    {
        out.append(" broker=").append(brokerId).append(" fillId=").append(fillId).append(' ').append(side);
        quantity(out, " last=", lastQty);
        price(out, " @ ", lastPrice);
        quantity(out, " cum=", cumQty);
        quantity(out, " leaves=", leavesQty);
        price(out, " avg=", avgPrice);
        return out.append(" state=").append(state);
    }

    private static StringBuilder quantity(final StringBuilder out, final String label, final long value)
    {
        if (value != FixedPoint.NULL)
        {
            FixedPoint.append(out.append(label), value, FixedPoint.QUANTITY_DECIMALS, 0);
        }
        return out;
    }

    private static StringBuilder price(final StringBuilder out, final String label, final long value)
    {
        if (value != FixedPoint.NULL)
        {
            FixedPoint.append(out.append(label), value, FixedPoint.PRICE_DECIMALS, 2);
        }
        return out;
    }
}
