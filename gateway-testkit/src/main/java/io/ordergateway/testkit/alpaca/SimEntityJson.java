package io.ordergateway.testkit.alpaca;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ordergateway.adapters.alpaca.AlpacaWire;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.journal.FixedPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON of the simulator's entities, field for field as {@code alpaca-trading-api.md} shows
 * them: Order, Position, Account, Asset and the market clock. Decimals are strings; absent values
 * are JSON null. Stateless.
 */
final class SimEntityJson
{
    private SimEntityJson()
    {
    }

    /**
     * @param json where to write.
     * @param o    the order.
     * @throws IOException from the generator.
     */
    static void writeOrder(final JsonGenerator json, final SimAlpacaOrder o) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", o.id);
        json.writeStringField("client_order_id", o.clientOrderId);
        json.writeStringField("created_at", o.createdAt.toString());
        json.writeStringField("updated_at", o.updatedAt.toString());
        json.writeStringField("submitted_at", o.createdAt.toString());
        time(json, "filled_at", o.filledAt);
        time(json, "expired_at", o.expiredAt);
        time(json, "canceled_at", o.canceledAt);
        time(json, "failed_at", o.failedAt);
        time(json, "replaced_at", o.replacedAt);
        nullable(json, "replaced_by", o.replacedBy);
        nullable(json, "replaces", o.replaces);
        json.writeStringField("asset_id",
            UUID.nameUUIDFromBytes(o.symbol.getBytes(StandardCharsets.US_ASCII)).toString());
        json.writeStringField("symbol", o.symbol);
        json.writeStringField("asset_class", "us_equity");
        json.writeNullField("notional");
        json.writeStringField("qty", FixedPoint.formatQuantity(o.quantity));
        json.writeStringField("filled_qty", FixedPoint.formatQuantity(o.filledQuantity));
        nullable(json, "filled_avg_price", o.filledQuantity == 0 ? null
            : FixedPoint.formatPrice(ScaledMath.averagePrice(o.filledNotional, o.filledQuantity)));
        json.writeStringField("order_class", o.orderClass == OrderClass.SIMPLE ? ""
            : AlpacaWire.orderClass(o.orderClass));
        json.writeStringField("order_type", AlpacaWire.type(o.type));
        json.writeStringField("type", AlpacaWire.type(o.type));
        json.writeStringField("side", AlpacaWire.side(o.side));
        json.writeStringField("time_in_force", AlpacaWire.timeInForce(o.timeInForce));
        price(json, "limit_price", o.limitPrice);
        price(json, "stop_price", o.stopPrice);
        json.writeStringField("status", o.status);
        json.writeBooleanField("extended_hours", o.extendedHours);
        json.writeNullField("legs");
        price(json, "trail_percent", o.trailPercent);
        price(json, "trail_price", o.trailPrice);
        json.writeNullField("hwm");
        json.writeStringField("source", "alpaca-sim"); // a field the reference does not list: clients must tolerate it
        json.writeEndObject();
    }

    /**
     * @param json     where to write.
     * @param symbol   the symbol.
     * @param quantity the signed position (not zero).
     * @param cost     its cost basis (money scale, signed like the position).
     * @throws IOException from the generator.
     */
    static void writePosition(final JsonGenerator json, final String symbol, final long quantity, final long cost)
        throws IOException
    {
        json.writeStartObject();
        json.writeStringField("asset_id",
            UUID.nameUUIDFromBytes(symbol.getBytes(StandardCharsets.US_ASCII)).toString());
        json.writeStringField("symbol", symbol);
        json.writeStringField("exchange", "NASDAQ");
        json.writeStringField("asset_class", "us_equity");
        json.writeStringField("avg_entry_price",
            FixedPoint.formatPrice(ScaledMath.averagePrice(Math.abs(cost), Math.abs(quantity))));
        json.writeStringField("qty", FixedPoint.formatQuantity(quantity));
        json.writeStringField("qty_available", FixedPoint.formatQuantity(quantity));
        json.writeStringField("side", quantity > 0 ? "long" : "short");
        json.writeStringField("cost_basis", FixedPoint.formatPrice(cost));
        json.writeEndObject();
    }

    /**
     * @param json        where to write.
     * @param keyId       the account's API key id (its account id is derived from it).
     * @param buyingPower the buying power, also shown as cash and equity.
     * @throws IOException from the generator.
     */
    static void writeAccount(final JsonGenerator json, final String keyId, final long buyingPower, final long cash,
        final long equity) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", UUID.nameUUIDFromBytes(keyId.getBytes(StandardCharsets.UTF_8)).toString());
        json.writeStringField("account_number", "PA0000SIM");
        json.writeStringField("status", "ACTIVE");
        json.writeStringField("currency", "USD");
        json.writeStringField("buying_power", FixedPoint.formatPrice(buyingPower));
        json.writeStringField("cash", FixedPoint.formatPrice(cash));
        json.writeStringField("equity", FixedPoint.formatPrice(equity));
        json.writeStringField("portfolio_value", FixedPoint.formatPrice(equity));
        json.writeStringField("multiplier", "1");
        json.writeBooleanField("pattern_day_trader", false);
        json.writeBooleanField("trading_blocked", false);
        json.writeBooleanField("account_blocked", false);
        json.writeBooleanField("shorting_enabled", true);
        json.writeStringField("created_at", "2026-01-02T14:30:00Z");
        json.writeEndObject();
    }

    /**
     * @param json where to write.
     * @param f    one execution, as a {@code FILL} account activity.
     * @throws IOException from the generator.
     */
    static void writeFill(final JsonGenerator json, final SimAccount.FillActivity f) throws IOException
    {
        final SimAlpacaOrder o = f.order();
        json.writeStartObject();
        json.writeStringField("id", f.id());
        json.writeStringField("activity_type", "FILL");
        json.writeStringField("transaction_time", f.time().toString());
        json.writeStringField("type", f.cumulative() >= o.quantity ? "fill" : "partial_fill");
        json.writeStringField("price", FixedPoint.formatPrice(f.price()));
        json.writeStringField("qty", FixedPoint.formatQuantity(f.quantity()));
        json.writeStringField("side", o.side == io.ordergateway.core.domain.Side.BUY ? "buy" : "sell");
        json.writeStringField("symbol", o.symbol);
        json.writeStringField("leaves_qty", FixedPoint.formatQuantity(o.quantity - f.cumulative()));
        json.writeStringField("order_id", o.id);
        json.writeStringField("cum_qty", FixedPoint.formatQuantity(f.cumulative()));
        json.writeStringField("order_status", f.cumulative() >= o.quantity ? "filled" : "partially_filled");
        json.writeEndObject();
    }

    /**
     * @param json   where to write.
     * @param symbol a tradable symbol.
     * @throws IOException from the generator.
     */
    static void writeAsset(final JsonGenerator json, final String symbol, final boolean shortable)
        throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", UUID.nameUUIDFromBytes(symbol.getBytes(StandardCharsets.US_ASCII)).toString());
        json.writeStringField("class", "us_equity");
        json.writeStringField("exchange", "NASDAQ");
        json.writeStringField("symbol", symbol);
        json.writeStringField("name", symbol + " (simulated)");
        json.writeStringField("status", "active");
        json.writeBooleanField("tradable", true);
        json.writeBooleanField("marginable", true);
        json.writeBooleanField("shortable", shortable);
        json.writeBooleanField("easy_to_borrow", shortable);
        json.writeBooleanField("fractionable", true);
        json.writeEndObject();
    }

    /**
     * The market clock: always open, next open in a day, next close in an hour.
     *
     * @param json where to write.
     * @throws IOException from the generator.
     */
    static void writeClock(final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("timestamp", Instant.now().toString());
        json.writeBooleanField("is_open", true);
        json.writeStringField("next_open", Instant.now().plusSeconds(86_400).toString());
        json.writeStringField("next_close", Instant.now().plusSeconds(3_600).toString());
        json.writeEndObject();
    }

    private static void time(final JsonGenerator json, final String name, final Instant value) throws IOException
    {
        nullable(json, name, value == null ? null : value.toString());
    }

    private static void price(final JsonGenerator json, final String name, final long value) throws IOException
    {
        nullable(json, name, value == FixedPoint.NULL ? null : FixedPoint.formatPrice(value));
    }

    private static void nullable(final JsonGenerator json, final String name, final String value) throws IOException
    {
        if (value == null)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeStringField(name, value);
        }
    }
}
