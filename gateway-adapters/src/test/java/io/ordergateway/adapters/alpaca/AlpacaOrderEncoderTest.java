package io.ordergateway.adapters.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ordergateway.adapters.support.QueuedCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.journal.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each order type and class becomes exactly the fields the reference allows for it, decimals as
 * strings, inside a well-formed HTTP/1.1 request whose content length is right.
 */
class AlpacaOrderEncoderTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AlpacaOrderEncoder encoder =
        new AlpacaOrderEncoder(new AlpacaRequests("127.0.0.1:8080", "KEY", "SECRET"),
        new SymbolTable(java.util.List.of("AAPL", "MSFT")), new ClientOrderIds("gw1"));

    /** A command built field by field, as the send stage would hand it over. */
    private static final class Command implements OrderCommand
    {
        CommandKind kind = CommandKind.NEW;
        OrderType type = OrderType.MARKET;
        TimeInForce tif = TimeInForce.DAY;
        OrderClass orderClass = OrderClass.SIMPLE;
        long quantity = FixedPoint.quantity(10);
        long limit = FixedPoint.NULL;
        long stop = FixedPoint.NULL;
        long trailPrice = FixedPoint.NULL;
        long trailPercent = FixedPoint.NULL;
        long takeProfit = FixedPoint.NULL;
        long stopLossStop = FixedPoint.NULL;
        long stopLossLimit = FixedPoint.NULL;
        boolean extended;

        @Override
        public CommandKind command()
        {
            return kind;
        }

        @Override
        public long orderId()
        {
            return 42;
        }

        @Override
        public int symbolId()
        {
            return 0;
        }

        @Override
        public Side side()
        {
            return Side.BUY;
        }

        @Override
        public OrderType orderType()
        {
            return type;
        }

        @Override
        public TimeInForce timeInForce()
        {
            return tif;
        }

        @Override
        public OrderClass orderClass()
        {
            return orderClass;
        }

        @Override
        public long quantity()
        {
            return quantity;
        }

        @Override
        public long limitPrice()
        {
            return limit;
        }

        @Override
        public long stopPrice()
        {
            return stop;
        }

        @Override
        public long trailPrice()
        {
            return trailPrice;
        }

        @Override
        public long trailPercent()
        {
            return trailPercent;
        }

        @Override
        public long takeProfitLimitPrice()
        {
            return takeProfit;
        }

        @Override
        public long stopLossStopPrice()
        {
            return stopLossStop;
        }

        @Override
        public long stopLossLimitPrice()
        {
            return stopLossLimit;
        }

        @Override
        public boolean extendedHours()
        {
            return extended;
        }
    }

    private JsonNode encode(final OrderCommand c) throws Exception
    {
        // Through the adapter's own queue layout, as in production.
        final UnsafeBuffer queued = new UnsafeBuffer(new byte[QueuedCommand.LENGTH]);
        QueuedCommand.write(c, queued);
        final ByteBuf out = Unpooled.buffer();
        encoder.encodeNew(new QueuedCommand().wrap(queued, 0), out);
        return body(out, "POST /v2/orders HTTP/1.1");
    }

    private static JsonNode body(final ByteBuf out, final String requestLine) throws Exception
    {
        final String request = out.toString(StandardCharsets.US_ASCII);
        assertThat(request).startsWith(requestLine + "\r\n").contains("APCA-API-KEY-ID: KEY\r\n")
            .contains("APCA-API-SECRET-KEY: SECRET\r\n");
        final int split = request.indexOf("\r\n\r\n");
        final String body = request.substring(split + 4);
        final String length = request.lines().filter(l -> l.startsWith("Content-Length:")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(length.substring("Content-Length:".length()).trim()))
            .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        return JSON.readTree(body);
    }

    private static Set<String> fields(final JsonNode node)
    {
        final Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final Set<String> BASE = Set.of("symbol", "qty", "side", "type", "time_in_force", "client_order_id");

    private static Set<String> base(final String... more)
    {
        final Set<String> all = new TreeSet<>(BASE);
        all.addAll(Set.of(more));
        return all;
    }

    @Test
    void marketOrderHasOnlyTheBaseFieldsWithDecimalsAsStrings() throws Exception
    {
        final Command c = new Command();
        c.quantity = 1_500_000_000L; // 1.5 shares
        final JsonNode json = encode(c);
        assertThat(fields(json)).isEqualTo(base());
        assertThat(json.get("qty").isTextual()).isTrue();
        assertThat(json.get("qty").asText()).isEqualTo("1.5");
        assertThat(json.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(json.get("side").asText()).isEqualTo("buy");
        assertThat(json.get("type").asText()).isEqualTo("market");
        assertThat(json.get("time_in_force").asText()).isEqualTo("day");
        assertThat(json.get("client_order_id").asText()).isEqualTo("gw1-42");
    }

    @Test
    void eachTypeCarriesOnlyItsPrices() throws Exception
    {
        final Command limit = new Command();
        limit.type = OrderType.LIMIT;
        limit.limit = 15_025_000_000L;
        limit.stop = 14_000_000_000L; // present on the command but not allowed for a limit: must not be sent
        assertThat(fields(encode(limit))).isEqualTo(base("limit_price"));
        assertThat(encode(limit).get("limit_price").asText()).isEqualTo("150.25");

        final Command stop = new Command();
        stop.type = OrderType.STOP;
        stop.stop = 14_000_000_000L;
        stop.limit = 15_000_000_000L;
        assertThat(fields(encode(stop))).isEqualTo(base("stop_price"));
        assertThat(encode(stop).get("stop_price").asText()).isEqualTo("140");

        final Command stopLimit = new Command();
        stopLimit.type = OrderType.STOP_LIMIT;
        stopLimit.stop = 14_000_000_000L;
        stopLimit.limit = 13_950_000_000L;
        assertThat(fields(encode(stopLimit))).isEqualTo(base("stop_price", "limit_price"));

        final Command trailPrice = new Command();
        trailPrice.type = OrderType.TRAILING_STOP;
        trailPrice.tif = TimeInForce.GTC;
        trailPrice.trailPrice = 250_000_000L;
        assertThat(fields(encode(trailPrice))).isEqualTo(base("trail_price"));
        assertThat(encode(trailPrice).get("trail_price").asText()).isEqualTo("2.5");

        final Command trailPercent = new Command();
        trailPercent.type = OrderType.TRAILING_STOP;
        trailPercent.trailPercent = 150_000_000L;
        assertThat(fields(encode(trailPercent))).isEqualTo(base("trail_percent"));
        assertThat(encode(trailPercent).get("trail_percent").asText()).isEqualTo("1.5");

        final Command extended = new Command();
        extended.type = OrderType.LIMIT;
        extended.limit = 15_000_000_000L;
        extended.extended = true;
        assertThat(fields(encode(extended))).isEqualTo(base("limit_price", "extended_hours"));
        assertThat(encode(extended).get("extended_hours").asBoolean()).isTrue();
    }

    @Test
    void classesCarryTheirLegs() throws Exception
    {
        final Command bracket = new Command();
        bracket.orderClass = OrderClass.BRACKET;
        bracket.type = OrderType.LIMIT;
        bracket.limit = 15_000_000_000L;
        bracket.takeProfit = 16_000_000_000L;
        bracket.stopLossStop = 14_000_000_000L;
        bracket.stopLossLimit = 13_900_000_000L;
        final JsonNode b = encode(bracket);
        assertThat(fields(b)).isEqualTo(base("limit_price", "order_class", "take_profit", "stop_loss"));
        assertThat(b.get("order_class").asText()).isEqualTo("bracket");
        assertThat(fields(b.get("take_profit"))).containsExactly("limit_price");
        assertThat(b.get("take_profit").get("limit_price").asText()).isEqualTo("160");
        assertThat(fields(b.get("stop_loss"))).containsExactlyInAnyOrder("stop_price", "limit_price");

        final Command oto = new Command();
        oto.orderClass = OrderClass.OTO;
        oto.stopLossStop = 14_000_000_000L;
        final JsonNode o = encode(oto);
        assertThat(fields(o)).isEqualTo(base("order_class", "stop_loss"));
        assertThat(fields(o.get("stop_loss"))).containsExactly("stop_price");

        final Command oco = new Command();
        oco.orderClass = OrderClass.OCO;
        oco.type = OrderType.LIMIT;
        oco.limit = 16_000_000_000L;
        oco.takeProfit = 16_000_000_000L;
        oco.stopLossStop = 14_000_000_000L;
        assertThat(fields(encode(oco))).isEqualTo(base("limit_price", "order_class", "take_profit", "stop_loss"));
    }

    @Test
    void replaceSendsQuantityAndTheTypesPricesToTheOrdersPath() throws Exception
    {
        final Command c = new Command();
        c.kind = CommandKind.REPLACE;
        c.type = OrderType.LIMIT;
        c.quantity = FixedPoint.quantity(20);
        c.limit = 15_100_000_000L;
        final ByteBuf out = Unpooled.buffer();
        encoder.encodeReplace(c, "904837e3-3b76-47ec-b432-046db621571b", out);
        final JsonNode json = body(out, "PATCH /v2/orders/904837e3-3b76-47ec-b432-046db621571b HTTP/1.1");
        assertThat(fields(json)).containsExactlyInAnyOrder("qty", "limit_price");
        assertThat(json.get("qty").asText()).isEqualTo("20");
        assertThat(json.get("limit_price").asText()).isEqualTo("151");
    }
}
