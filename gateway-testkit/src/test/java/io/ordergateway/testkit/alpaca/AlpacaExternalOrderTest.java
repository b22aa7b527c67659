package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.RecordFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.ordergateway.journal.FixedPoint.quantity;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.KEY;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.SECRET;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.await;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.quietEngine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders placed at Alpaca by hand (a plain REST POST with the account's key, as a person or
 * another system would) while the gateway trades: the adapter sees them on the stream and the
 * gateway adopts them as EXTERNAL, journals them and their fills, and its positions stay equal to
 * the broker's; an adopted order can be canceled through the gateway.
 */
class AlpacaExternalOrderTest
{
    @TempDir
    Path journal;

    private AlpacaFixture fixture;
    private OrderGateway gateway;

    @AfterEach
    void stop()
    {
        if (fixture != null)
        {
            fixture.close();
        }
    }

    private void start() throws InterruptedException
    {
        fixture = new AlpacaFixture(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET)
            .withEngine(quietEngine()),
            url -> AlpacaConfig.of("alpaca", url, KEY, SECRET).withRequestTimeout(1_000).withReconnect(20, 200),
            "x1", journal);
        gateway = fixture.gateway;
        await(() -> fixture.broker.health() == BrokerHealth.HEALTHY, "adapter healthy");
    }

    private void placeByHand(final String json) throws Exception
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(fixture.simulator.url() + "/v2/orders")).header("APCA-API-KEY-ID", KEY)
            .header("APCA-API-SECRET-KEY", SECRET).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private PortfolioSnapshot snapshot() throws Exception
    {
        return gateway.await(gateway.snapshot(), 5_000);
    }

    private Map<String, Long> positions() throws Exception
    {
        final Map<String, Long> out = new HashMap<>();
        snapshot().positions().forEach(p ->
        {
            if (p.brokerId() == 0 && p.quantity() != 0)
            {
                out.put(p.symbol(), p.quantity());
            }
        });
        return out;
    }

    private List<String> journalLines()
    {
        final List<String> lines = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll(new JournalAdapter(new RecordFormatter((type, line) -> lines.add(line.toString()))));
        }
        return lines;
    }

    @Test
    void anOrderPlacedByHandIsAdoptedAndItsFillsMovePositions() throws Exception
    {
        start();
        placeByHand("{\"symbol\":\"AAPL\",\"qty\":\"3\",\"side\":\"buy\",\"type\":\"market\","
            + "\"time_in_force\":\"day\"}");
        await(() -> quietly(() -> positions().equals(Map.of("AAPL", quantity(3)))), "the hand-placed fill booked");
        assertThat(positions()).isEqualTo(fixture.simulator.positions());
        fixture.close();
        fixture = null;
        assertThat(journalLines())
            .anySatisfy(l -> assertThat(l).contains("OrderAdopted").contains("EXTERNAL").contains("AAPL"))
            .anySatisfy(l -> assertThat(l).contains("Fill").contains("source=RECONCILIATION"));
    }

    @Test
    void anAdoptedOrderCanBeCanceledThroughTheGateway() throws Exception
    {
        start();
        placeByHand("{\"symbol\":\"MSFT\",\"qty\":\"2\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\","
            + "\"time_in_force\":\"gtc\",\"client_order_id\":\"desk-7\"}");
        await(() -> quietly(() -> !snapshot().openOrders().isEmpty()), "the resting order adopted");
        final PortfolioSnapshot.OrderLine adopted = snapshot().openOrders().get(0);
        assertThat(adopted.external()).isTrue();
        assertThat(adopted.brokerClientOrderId()).isEqualTo("desk-7");
        assertThat(gateway.cancel(adopted.orderId())).isEqualTo(SubmitResult.ACCEPTED);
        await(() -> quietly(() -> snapshot().openOrders().isEmpty()), "the adopted order canceled");
        assertThat(fixture.simulator.openClientOrderIds()).isEmpty();
        fixture.close();
        fixture = null;
        assertThat(journalLines()).anySatisfy(l -> assertThat(l).contains("CancelConfirmed")
            .contains("order=" + adopted.orderId()));
    }

    @Test
    void anOrderPlacedByHandWhileTheGatewayWasDownIsAdoptedAtTheRestart() throws Exception
    {
        start();
        final io.ordergateway.core.api.NewOrder order = new io.ordergateway.core.api.NewOrder()
            .symbol(gateway.symbolId("AAPL")).side(io.ordergateway.core.domain.Side.BUY)
            .type(io.ordergateway.core.domain.OrderType.MARKET).quantity(quantity(2));
        gateway.submit(order);
        await(() -> quietly(() -> positions().equals(Map.of("AAPL", quantity(2)))), "the gateway's own fill");
        gateway.close(); // the journal now holds a position: start-up reconciliation asks for the statement
        placeByHand("{\"symbol\":\"MSFT\",\"qty\":\"4\",\"side\":\"buy\",\"type\":\"limit\","
            + "\"limit_price\":\"1.00\",\"time_in_force\":\"gtc\",\"client_order_id\":\"while-down\"}");
        gateway = OrderGateway.builder().instanceId("x1").symbols("AAPL", "MSFT").broker(new
            io.ordergateway.adapters.alpaca.AlpacaBroker(AlpacaConfig.of("alpaca", fixture.simulator.url(), KEY,
            SECRET).withRequestTimeout(1_000).withReconnect(20, 200))).journalDirectory(journal).build();
        try
        {
            await(() -> quietly(() -> snapshot().openOrders().stream().anyMatch(o -> "while-down".equals(
                o.brokerClientOrderId()))), "the order placed while the gateway was down adopted after the restart");
        }
        finally
        {
            gateway.close();
            gateway = fixture.gateway;
        }
    }

    private interface Check
    {
        boolean holds() throws Exception;
    }

    private static boolean quietly(final Check check)
    {
        try
        {
            return check.holds();
        }
        catch (final Exception ex)
        {
            return false;
        }
    }
}
