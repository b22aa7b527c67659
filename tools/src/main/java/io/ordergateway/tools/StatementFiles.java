package io.ordergateway.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.FixedPoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Broker statements as JSON files, the way a broker hands out an end-of-day statement: decimals as
 * strings, sides as {@code buy}/{@code sell}.
 *
 * <pre>{"broker": "sim-a", "brokerId": 0,
 *  "positions": [{"symbol": "AAPL", "quantity": "-48"}],
 *  "openOrders": [{"clientOrderId": "demo-17", "symbol": "MSFT", "side": "buy", "quantity": "10", "filled":
 *  "3"}]}</pre>
 *
 * Reading reports the first problem with its place in the file ({@code positions[2].quantity}).
 */
final class StatementFiles
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatementFiles()
    {
    }

    static void write(final Path file, final BrokerStatement statement) throws IOException
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("broker", statement.broker());
        root.put("brokerId", statement.brokerId());
        final ArrayNode positions = root.putArray("positions");
        for (final BrokerStatement.Position p : statement.positions())
        {
            positions.addObject().put("symbol", p.symbol()).put("quantity", FixedPoint.formatQuantity(p.quantity()));
        }
        final ArrayNode orders = root.putArray("openOrders");
        for (final BrokerStatement.OpenOrder o : statement.openOrders())
        {
            orders.addObject().put("clientOrderId", o.clientOrderId()).put("symbol", o.symbol())
                .put("side", o.side().name().toLowerCase(Locale.ROOT))
                .put("quantity", FixedPoint.formatQuantity(o.quantity()))
                .put("filled", FixedPoint.formatQuantity(o.filled()));
        }
        Files.writeString(file, JSON.writeValueAsString(root));
    }

    static BrokerStatement read(final Path file)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(Files.readString(file));
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException("statement " + file + ": no such file");
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException("statement " + file + ": not valid JSON at line "
                + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ": "
                + ex.getOriginalMessage());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("statement " + file + ": cannot read: " + ex.getMessage());
        }
        final String where = "statement " + file + ": ";
        final String broker = text(root, "broker", where);
        final JsonNode brokerId = root.get("brokerId");
        if (brokerId == null || !brokerId.canConvertToInt() || brokerId.asInt() < 0)
        {
            throw new IllegalArgumentException(where + "brokerId: expected the broker's id in the journal (0, 1, ...)");
        }
        final List<BrokerStatement.Position> positions = new ArrayList<>();
        final JsonNode positionNodes = array(root, "positions", where);
        for (int i = 0; i < positionNodes.size(); i++)
        {
            final String at = "positions[" + i + "].";
            positions.add(new BrokerStatement.Position(text(positionNodes.get(i), "symbol", where + at),
                decimal(positionNodes.get(i), "quantity", where + at)));
        }
        final List<BrokerStatement.OpenOrder> orders = new ArrayList<>();
        final JsonNode orderNodes = array(root, "openOrders", where);
        for (int i = 0; i < orderNodes.size(); i++)
        {
            final JsonNode o = orderNodes.get(i);
            final String at = where + "openOrders[" + i + "].";
            final String side = text(o, "side", at).toUpperCase(Locale.ROOT);
            if (!side.equals("BUY") && !side.equals("SELL"))
            {
                throw new IllegalArgumentException(at + "side: expected buy or sell, got '"
                    + side.toLowerCase(Locale.ROOT) + "'");
            }
            orders.add(new BrokerStatement.OpenOrder(text(o, "clientOrderId", at), text(o, "symbol", at),
                Side.valueOf(side), decimal(o, "quantity", at), decimal(o, "filled", at)));
        }
        return new BrokerStatement(broker, brokerId.asInt(), positions, orders);
    }

    private static JsonNode array(final JsonNode node, final String field, final String where)
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.isArray())
        {
            throw new IllegalArgumentException(where + field + ": expected a list");
        }
        return value;
    }

    private static String text(final JsonNode node, final String field, final String where)
    {
        final JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty())
        {
            throw new IllegalArgumentException(where + field + ": expected a non-empty string");
        }
        return value.asText();
    }

    private static long decimal(final JsonNode node, final String field, final String where)
    {
        final JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber()))
        {
            throw new IllegalArgumentException(where + field + ": expected a decimal number");
        }
        try
        {
            return FixedPoint.parse(value.asText(), FixedPoint.QUANTITY_DECIMALS);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(where + field + ": " + ex.getMessage());
        }
    }
}
