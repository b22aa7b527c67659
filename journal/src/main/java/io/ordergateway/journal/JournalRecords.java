package io.ordergateway.journal;

import io.ordergateway.journal.sbe.BrokerAckDecoder;
import io.ordergateway.journal.sbe.BrokerBudgetDecoder;
import io.ordergateway.journal.sbe.BrokerRejectDecoder;
import io.ordergateway.journal.sbe.CancelConfirmedDecoder;
import io.ordergateway.journal.sbe.EventRefusedDecoder;
import io.ordergateway.journal.sbe.ExpiredDecoder;
import io.ordergateway.journal.sbe.FillDecoder;
import io.ordergateway.journal.sbe.MessageHeaderDecoder;
import io.ordergateway.journal.sbe.OrderCancelDecoder;
import io.ordergateway.journal.sbe.OrderDeniedDecoder;
import io.ordergateway.journal.sbe.OrderNewDecoder;
import io.ordergateway.journal.sbe.OrderReplaceDecoder;
import io.ordergateway.journal.sbe.OrderRoutedDecoder;
import io.ordergateway.journal.sbe.OrderSentDecoder;
import io.ordergateway.journal.sbe.PartialFillDecoder;
import io.ordergateway.journal.sbe.ProbeResultDecoder;
import io.ordergateway.journal.sbe.ReplaceConfirmedDecoder;
import io.ordergateway.journal.sbe.RoutingChangeDecoder;
import io.ordergateway.journal.sbe.RoutingCommandDecoder;
import io.ordergateway.journal.sbe.RoutingSetupDecoder;
import io.ordergateway.journal.sbe.SessionStartDecoder;
import io.ordergateway.journal.sbe.SettingsChangeDecoder;
import io.ordergateway.journal.sbe.TickDecoder;
import io.ordergateway.journal.sbe.TradingControlDecoder;

/**
 * The journal's record types by name: what the dump's {@code --type} filter and the formatter
 * call them, and the schema version this build writes.
 */
public final class JournalRecords
{
    /** The schema version this build writes (and the newest it reads). */
    public static final int SCHEMA_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;
    /** The type id of {@code OrderNew}. */
    public static final int ORDER_NEW = OrderNewDecoder.TEMPLATE_ID;
    /** The type id of {@code OrderCancel}. */
    public static final int ORDER_CANCEL = OrderCancelDecoder.TEMPLATE_ID;
    /** The type id of {@code OrderReplace}. */
    public static final int ORDER_REPLACE = OrderReplaceDecoder.TEMPLATE_ID;
    /** The type id of {@code OrderDenied}. */
    public static final int ORDER_DENIED = OrderDeniedDecoder.TEMPLATE_ID;
    /** The type id of {@code OrderRouted}. */
    public static final int ORDER_ROUTED = OrderRoutedDecoder.TEMPLATE_ID;
    /** The type id of {@code OrderSent}. */
    public static final int ORDER_SENT = OrderSentDecoder.TEMPLATE_ID;
    /** The type id of {@code BrokerAck}. */
    public static final int BROKER_ACK = BrokerAckDecoder.TEMPLATE_ID;
    /** The type id of {@code BrokerReject}. */
    public static final int BROKER_REJECT = BrokerRejectDecoder.TEMPLATE_ID;
    /** The type id of {@code PartialFill}. */
    public static final int PARTIAL_FILL = PartialFillDecoder.TEMPLATE_ID;
    /** The type id of {@code Fill}. */
    public static final int FILL = FillDecoder.TEMPLATE_ID;
    /** The type id of {@code CancelConfirmed}. */
    public static final int CANCEL_CONFIRMED = CancelConfirmedDecoder.TEMPLATE_ID;
    /** The type id of {@code Expired}. */
    public static final int EXPIRED = ExpiredDecoder.TEMPLATE_ID;
    /** The type id of {@code ReplaceConfirmed}. */
    public static final int REPLACE_CONFIRMED = ReplaceConfirmedDecoder.TEMPLATE_ID;
    /** The type id of {@code EventRefused}. */
    public static final int EVENT_REFUSED = EventRefusedDecoder.TEMPLATE_ID;
    /** The type id of {@code TradingControl}. */
    public static final int TRADING_CONTROL = TradingControlDecoder.TEMPLATE_ID;
    /** The type id of {@code Tick}. */
    public static final int TICK = TickDecoder.TEMPLATE_ID;
    /** The type id of {@code RoutingChange}. */
    public static final int ROUTING_CHANGE = RoutingChangeDecoder.TEMPLATE_ID;
    /** The type id of {@code ProbeResult}. */
    public static final int PROBE_RESULT = ProbeResultDecoder.TEMPLATE_ID;
    /** The type id of {@code RoutingCommand}. */
    public static final int ROUTING_COMMAND = RoutingCommandDecoder.TEMPLATE_ID;
    /** The type id of {@code RoutingSetup}. */
    public static final int ROUTING_SETUP = RoutingSetupDecoder.TEMPLATE_ID;
    /** The type id of {@code SettingsChange}. */
    public static final int SETTINGS_CHANGE = SettingsChangeDecoder.TEMPLATE_ID;
    /** The type id of {@code BrokerBudget}. */
    public static final int BROKER_BUDGET = BrokerBudgetDecoder.TEMPLATE_ID;
    /** The type id of {@code SessionStart}. */
    public static final int SESSION_START = SessionStartDecoder.TEMPLATE_ID;

    /** The type id of {@code OrderAdopted}. */
    public static final int ORDER_ADOPTED = io.ordergateway.journal.sbe.OrderAdoptedDecoder.TEMPLATE_ID;
    /** The type id of {@code ReconcileDifference}. */
    public static final int RECONCILE_DIFFERENCE = io.ordergateway.journal.sbe.ReconcileDifferenceDecoder.TEMPLATE_ID;
    /** The type id of {@code BrokerTerms}. */
    public static final int BROKER_TERMS = io.ordergateway.journal.sbe.BrokerTermsDecoder.TEMPLATE_ID;
    private static final String[] NAMES = new String[32];

    static
    {
        NAMES[ORDER_NEW] = "OrderNew";
        NAMES[ORDER_CANCEL] = "OrderCancel";
        NAMES[ORDER_REPLACE] = "OrderReplace";
        NAMES[ORDER_DENIED] = "OrderDenied";
        NAMES[ORDER_ROUTED] = "OrderRouted";
        NAMES[ORDER_SENT] = "OrderSent";
        NAMES[BROKER_ACK] = "BrokerAck";
        NAMES[BROKER_REJECT] = "BrokerReject";
        NAMES[PARTIAL_FILL] = "PartialFill";
        NAMES[FILL] = "Fill";
        NAMES[CANCEL_CONFIRMED] = "CancelConfirmed";
        NAMES[EXPIRED] = "Expired";
        NAMES[REPLACE_CONFIRMED] = "ReplaceConfirmed";
        NAMES[EVENT_REFUSED] = "EventRefused";
        NAMES[TRADING_CONTROL] = "TradingControl";
        NAMES[TICK] = "Tick";
        NAMES[ROUTING_CHANGE] = "RoutingChange";
        NAMES[PROBE_RESULT] = "ProbeResult";
        NAMES[ROUTING_COMMAND] = "RoutingCommand";
        NAMES[ROUTING_SETUP] = "RoutingSetup";
        NAMES[SETTINGS_CHANGE] = "SettingsChange";
        NAMES[ORDER_ADOPTED] = "OrderAdopted";
        NAMES[RECONCILE_DIFFERENCE] = "ReconcileDifference";
        NAMES[BROKER_TERMS] = "BrokerTerms";
        NAMES[BROKER_BUDGET] = "BrokerBudget";
        NAMES[SESSION_START] = "SessionStart";
    }

    private JournalRecords()
    {
    }

    /**
     * @param templateId a record type id.
     * @return its name, or {@code Unknown<id>}.
     */
    public static String name(final int templateId)
    {
        final String name = templateId >= 0 && templateId < NAMES.length ? NAMES[templateId] : null;
        return name != null ? name : "Unknown" + templateId;
    }

    /**
     * @param templateId a record type id.
     * @return true if this build knows the type.
     */
    public static boolean known(final int templateId)
    {
        return templateId >= 0 && templateId < NAMES.length && NAMES[templateId] != null;
    }
}
