package io.ordergateway.adapters.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.ordergateway.journal.FixedPoint;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads Alpaca's JSON (REST bodies and stream messages) with Jackson's streaming parser into reused
 * views. Unknown fields, nulls and nested objects the adapter does not need are skipped; decimals
 * may come as strings (Alpaca's way) or as numbers.
 */
public final class AlpacaJsonReader
{
    /**
     * A {@code trade_updates} message or a control message of the stream.
     */
    public static final class StreamMessage
    {
        /** {@code stream}: trade_updates, authorization, listening. */
        public String stream;
        /** {@code data.event} of a trade update. */
        public String event;
        /** {@code data.status} of an authorization. */
        public String status;
        /** {@code data.timestamp}. */
        public String timestamp;
        /** {@code data.execution_id} of a fill. */
        public String executionId;
        /** {@code data.qty} of a fill: this execution. */
        public long quantity;
        /** {@code data.price} of a fill: this execution. */
        public long price;
        /** {@code data.order}; valid when {@link #hasOrder}. */
        public final AlpacaOrderView order = new AlpacaOrderView();
        /** Whether the message carried an order. */
        public boolean hasOrder;

        void clear()
        {
            stream = null;
            event = null;
            status = null;
            timestamp = null;
            executionId = null;
            quantity = FixedPoint.NULL;
            price = FixedPoint.NULL;
            hasOrder = false;
            order.clear();
        }
    }

    /**
     * An error body: {@code {"code":..., "message":...}}, either field possibly absent.
     */
    public static final class ErrorBody
    {
        /** Alpaca's code, 0 if none. */
        public int code;
        /** The message, empty if none. */
        public String message = "";
    }

    private final JsonFactory factory = new JsonFactory();
    private byte[] scratch = new byte[4096];

    /**
     * @param body an Order object.
     * @param into the view to fill.
     * @throws IOException if the body is not an Order object.
     */
    public void readOrder(final ByteBuf body, final AlpacaOrderView into) throws IOException
    {
        try (JsonParser p = parser(body))
        {
            expect(p.nextToken(), JsonToken.START_OBJECT, "an order object");
            readOrder(p, into);
        }
    }

    /**
     * Reads an array of Order objects, handing each to a consumer (the view is reused between calls).
     *
     * @param body     the array.
     * @param view     the reused view.
     * @param consumer called for each order.
     * @throws IOException if the body is not an array of orders.
     */
    public void readOrders(final ByteBuf body, final AlpacaOrderView view, final Consumer<AlpacaOrderView> consumer)
        throws IOException
    {
        try (JsonParser p = parser(body))
        {
            expect(p.nextToken(), JsonToken.START_ARRAY, "an array of orders");
            while (p.nextToken() == JsonToken.START_OBJECT)
            {
                readOrder(p, view);
                consumer.accept(view);
            }
        }
    }

    /**
     * Reads {@code GET /v2/positions}.
     *
     * @param body     the array.
     * @param consumer called with symbol and signed quantity.
     * @throws IOException if the body is not an array of positions.
     */
    public void readPositions(final ByteBuf body, final java.util.function.ObjLongConsumer<String> consumer) throws
        IOException
    {
        try (JsonParser p = parser(body))
        {
            expect(p.nextToken(), JsonToken.START_ARRAY, "an array of positions");
            while (p.nextToken() == JsonToken.START_OBJECT)
            {
                String symbol = null;
                long qty = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = p.currentName();
                    p.nextToken();
                    if ("symbol".equals(name))
                    {
                        symbol = p.getText();
                    }
                    else if ("qty".equals(name))
                    {
                        qty = decimal(p, FixedPoint.QUANTITY_DECIMALS);
                    }
                    else
                    {
                        p.skipChildren();
                    }
                }
                consumer.accept(symbol, qty);
            }
        }
    }

    /**
     * Reads a flat object's scalar fields as text (nested objects and arrays skipped): for the
     * endpoints off the order path (account, clock, asset).
     *
     * @param body the object.
     * @return field name to text; JSON null becomes absent.
     * @throws IOException if the body is not an object.
     */
    public java.util.Map<String, String> readFlat(final ByteBuf body) throws IOException
    {
        final java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (JsonParser p = parser(body))
        {
            expect(p.nextToken(), JsonToken.START_OBJECT, "an object");
            readFlat(p, out);
        }
        return out;
    }

    /**
     * Reads an array of flat objects (such as the 207 answer of cancel-all).
     *
     * @param body the array.
     * @return each object's scalar fields.
     * @throws IOException if the body is not an array of objects.
     */
    public java.util.List<java.util.Map<String, String>> readFlatArray(final ByteBuf body) throws IOException
    {
        final java.util.List<java.util.Map<String, String>> out = new java.util.ArrayList<>();
        try (JsonParser p = parser(body))
        {
            expect(p.nextToken(), JsonToken.START_ARRAY, "an array");
            while (p.nextToken() == JsonToken.START_OBJECT)
            {
                final java.util.Map<String, String> one = new java.util.LinkedHashMap<>();
                readFlat(p, one);
                out.add(one);
            }
        }
        return out;
    }

    private static void readFlat(final JsonParser p, final java.util.Map<String, String> out) throws IOException
    {
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL)
            {
                out.put(name, p.getText());
            }
            else
            {
                p.skipChildren();
            }
        }
    }

    /**
     * @param body a stream frame's content.
     * @param into the message to fill.
     * @throws IOException if the frame is not a JSON object.
     */
    public void readStreamMessage(final ByteBuf body, final StreamMessage into) throws IOException
    {
        into.clear();
        try (JsonParser p = parser(body))
        {
            expect(p.nextToken(), JsonToken.START_OBJECT, "a stream message");
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                if ("stream".equals(name))
                {
                    into.stream = p.getText();
                }
                else if ("data".equals(name) && value == JsonToken.START_OBJECT)
                {
                    readData(p, into);
                }
                else
                {
                    p.skipChildren();
                }
            }
        }
    }

    /**
     * Reads an error body; tolerant of anything (an unreadable body gives code 0 and its text).
     *
     * @param body the body.
     * @param into the error to fill.
     */
    public void readError(final ByteBuf body, final ErrorBody into)
    {
        into.code = 0;
        into.message = "";
        try (JsonParser p = parser(body))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                into.message = body.toString(java.nio.charset.StandardCharsets.UTF_8);
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = p.currentName();
                p.nextToken();
                if ("code".equals(name) && p.currentToken().isNumeric())
                {
                    into.code = (int)p.getLongValue();
                }
                else if ("message".equals(name))
                {
                    into.message = p.getText();
                }
                else
                {
                    p.skipChildren();
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            into.message = body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void readData(final JsonParser p, final StreamMessage into) throws IOException
    {
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            switch (name)
            {
                case "event": into.event = p.getText(); break;
                case "status": into.status = p.getText(); break;
                case "timestamp": into.timestamp = p.getText(); break;
                case "execution_id": into.executionId = value == JsonToken.VALUE_NULL ? null : p.getText(); break;
                case "qty": into.quantity = decimal(p, FixedPoint.QUANTITY_DECIMALS); break;
                case "price": into.price = decimal(p, FixedPoint.PRICE_DECIMALS); break;
                case "order":
                    if (value == JsonToken.START_OBJECT)
                    {
                        readOrder(p, into.order);
                        into.hasOrder = true;
                    }
                    break;
                default: p.skipChildren(); break;
            }
        }
    }

    private static void readOrder(final JsonParser p, final AlpacaOrderView o) throws IOException
    {
        o.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            final boolean isNull = value == JsonToken.VALUE_NULL;
            switch (name)
            {
                case "id": o.id = p.getText(); break;
                case "client_order_id": o.clientOrderId = p.getText(); break;
                case "status": o.status = p.getText(); break;
                case "symbol": o.symbol = p.getText(); break;
                case "side": o.side = p.getText(); break;
                case "replaced_by": o.replacedBy = isNull ? null : p.getText(); break;
                case "replaces": o.replaces = isNull ? null : p.getText(); break;
                case "qty": o.quantity = isNull ? 0 : decimal(p, FixedPoint.QUANTITY_DECIMALS); break;
                case "filled_qty": o.filledQuantity = isNull ? 0 : decimal(p, FixedPoint.QUANTITY_DECIMALS); break;
                case "filled_avg_price": o.filledAveragePrice = decimal(p, FixedPoint.PRICE_DECIMALS); break;
                case "limit_price": o.limitPrice = decimal(p, FixedPoint.PRICE_DECIMALS); break;
                case "stop_price": o.stopPrice = decimal(p, FixedPoint.PRICE_DECIMALS); break;
                case "type": o.type = isNull ? null : p.getText(); break;
                case "submitted_at": o.submittedAt = isNull ? null : p.getText(); break;
                case "time_in_force": o.timeInForce = isNull ? null : p.getText(); break;
                case "order_class": o.orderClass = isNull ? null : p.getText(); break;
                default: p.skipChildren(); break; // unknown and unneeded fields, legs included
            }
        }
    }

    private static long decimal(final JsonParser p, final int decimals) throws IOException
    {
        final JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL)
        {
            return FixedPoint.NULL;
        }
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)
        {
            final String text = p.getText();
            return text.isEmpty() ? FixedPoint.NULL : FixedPoint.parse(text, decimals);
        }
        throw new IOException("expected a decimal at " + p.currentName() + ", found " + t);
    }

    private static void expect(final JsonToken actual, final JsonToken expected, final String what) throws IOException
    {
        if (actual != expected)
        {
            throw new IOException("expected " + what + ", found " + actual);
        }
    }

    private JsonParser parser(final ByteBuf body) throws IOException
    {
        final int length = body.readableBytes();
        if (body.hasArray())
        {
            return factory.createParser(body.array(), body.arrayOffset() + body.readerIndex(), length);
        }
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        body.getBytes(body.readerIndex(), scratch, 0, length);
        return factory.createParser(scratch, 0, length);
    }
}
