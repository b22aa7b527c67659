package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.api.FlattenResult;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OperatorControls;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.OrderNewView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flatten, through the API and {@code POST /admin/flatten}, against a simulated broker that fills
 * market orders at once and rests limit orders away from its price: the open orders of the account
 * or symbol are cancelled, each position is closed to zero by a market order's fill, nothing else
 * is touched, and the closing orders are in the journal under the flatten's strategy id. Reduce-only
 * lets the closes pass; the kill switch denies them. Bad requests are refused 400 before anything acts.
 */
class FlattenTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long LOW = FixedPoint.priceFromCents(5_000);
    private static final long HIGH = FixedPoint.priceFromCents(20_000);

    @TempDir
    Path journal;

    private OrderGateway gateway;
    private ReportCollector reports;
    private AdminServer admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start()
    {
        final SimBrokerConfig sim = SimBrokerConfig.defaults("sim").withLatency(0, 0).withPartialFills(0, 2)
            .withPriceMoves(0, 0);
        // the gateway's own threads: flatten waits on the calling thread while they work
        gateway = OrderGateway.builder().symbols("AAPL", "MSFT").broker(new SimBroker(sim)).journalDirectory(journal)
            .build();
        reports = new ReportCollector(gateway);
    }

    @AfterEach
    void close()
    {
        if (admin != null)
        {
            admin.close();
        }
        gateway.close();
    }

    private long submit(final int account, final String symbol, final Side side, final OrderType type,
        final long units, final long limit)
    {
        final NewOrder order = new NewOrder().account(account).strategy(1).symbol(gateway.symbolId(symbol)).side(side)
            .type(type).quantity(quantity(units)).limitPrice(limit);
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        if (type == OrderType.MARKET)
        {
            assertThat(reports.awaitFinal(order.orderId(), WAIT).state()).isEqualTo(OrderState.FILLED);
        }
        else
        {
            reports.awaitState(order.orderId(), OrderState.NEW, WAIT);
        }
        return order.orderId();
    }

    private long fill(final int account, final String symbol, final Side side, final long units)
    {
        return submit(account, symbol, side, OrderType.MARKET, units, FixedPoint.NULL);
    }

    private long rest(final int account, final String symbol, final Side side, final long units)
    {
        return submit(account, symbol, side, OrderType.LIMIT, units, side == Side.BUY ? LOW : HIGH);
    }

    private PortfolioSnapshot snapshot() throws Exception
    {
        return gateway.await(gateway.snapshot(), 10_000);
    }

    private static Map<String, Long> positions(final PortfolioSnapshot s, final int account)
    {
        return s.accounts().stream().filter(a -> a.accountId() == account).findFirst()
            .map(PortfolioSnapshot.AccountLine::positions).orElse(Map.of());
    }

    private static List<Long> openOrders(final PortfolioSnapshot s, final int account)
    {
        return s.openOrders().stream().filter(o -> o.accountId() == account).map(PortfolioSnapshot.OrderLine::orderId)
            .toList();
    }

    private void awaitFilled(final List<Long> orderIds)
    {
        for (final long id : orderIds)
        {
            assertThat(reports.awaitFinal(id, WAIT).state()).as("closing order %d", id).isEqualTo(OrderState.FILLED);
        }
    }

    @Test
    void flatteningAnAccountCancelsItsOrdersAndClosesItsPositionsToZeroEvenInReduceOnly() throws Exception
    {
        fill(1, "AAPL", Side.BUY, 10);
        fill(1, "MSFT", Side.SELL, 4);
        final long closingSide = rest(1, "AAPL", Side.SELL, 3); // on the closing side: it would eat into reduce-only
        final long otherSide = rest(1, "MSFT", Side.SELL, 1);
        fill(2, "AAPL", Side.BUY, 5);
        final long otherAccount = rest(2, "AAPL", Side.BUY, 2);
        assertThat(gateway.controls().reduceOnly(1, true)).isEqualTo(SubmitResult.ACCEPTED);

        final FlattenResult result = gateway.controls().flatten(1, null, 10_000);

        assertThat(result.cancelsSent()).isEqualTo(2);
        assertThat(result.ordersStillOpen()).isZero();
        assertThat(result.closes()).extracting(FlattenResult.Close::symbol, FlattenResult.Close::side,
            FlattenResult.Close::quantity, FlattenResult.Close::outcome).containsExactly(
            org.assertj.core.groups.Tuple.tuple("AAPL", Side.SELL, quantity(10), FlattenResult.SENT),
            org.assertj.core.groups.Tuple.tuple("MSFT", Side.BUY, quantity(4), FlattenResult.SENT));
        awaitFilled(result.closingOrderIds());
        assertThat(reports.last(closingSide).state()).isEqualTo(OrderState.CANCELED);
        assertThat(reports.last(otherSide).state()).isEqualTo(OrderState.CANCELED);

        final PortfolioSnapshot after = snapshot();
        assertThat(positions(after, 1)).as("flat").isEmpty();
        assertThat(openOrders(after, 1)).isEmpty();
        assertThat(positions(after, 2)).containsExactly(Map.entry("AAPL", quantity(5)));
        assertThat(openOrders(after, 2)).containsExactly(otherAccount);
        assertThat(gateway.controls().flatten(1, null, 10_000).closes()).as("nothing left to do").isEmpty();
    }

    @Test
    void flatteningASymbolClosesItInEveryAccountAndTheJournalHoldsTheCancelsAndClosingOrders() throws Exception
    {
        fill(1, "AAPL", Side.BUY, 10);
        fill(2, "AAPL", Side.SELL, 3);
        fill(1, "MSFT", Side.BUY, 2);
        final long aapl = rest(2, "AAPL", Side.BUY, 1);
        final long msft = rest(2, "MSFT", Side.BUY, 1);

        final FlattenResult result = gateway.controls().flatten(-1, "AAPL", 10_000);

        assertThat(result.cancelsSent()).isEqualTo(1);
        assertThat(result.closes()).extracting(FlattenResult.Close::accountId, FlattenResult.Close::position,
            FlattenResult.Close::side).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, quantity(10), Side.SELL),
            org.assertj.core.groups.Tuple.tuple(2, -quantity(3), Side.BUY));
        awaitFilled(result.closingOrderIds());
        final PortfolioSnapshot after = snapshot();
        assertThat(positions(after, 1)).containsExactly(Map.entry("MSFT", quantity(2)));
        assertThat(positions(after, 2)).isEmpty();
        assertThat(after.position(0, "AAPL").quantity()).as("at the broker").isZero();
        assertThat(openOrders(after, 2)).containsExactly(msft);
        assertThat(reports.last(aapl).state()).isEqualTo(OrderState.CANCELED);

        gateway.close();
        final List<Long> flattenOrders = new ArrayList<>();
        final List<Long> cancels = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll(new JournalAdapter(new JournalListener()
            {
                @Override
                public void onOrderNew(final OrderNewView order)
                {
                    if (order.strategyId() == OperatorControls.FLATTEN_STRATEGY)
                    {
                        flattenOrders.add(order.orderId());
                    }
                }

                @Override
                public void onOrderCancel(final long sequence, final long timestamp, final long orderId)
                {
                    cancels.add(orderId);
                }
            }));
        }
        assertThat(flattenOrders).isEqualTo(result.closingOrderIds());
        assertThat(cancels).containsExactly(aapl);
    }

    @Test
    void theKillSwitchDeniesTheClosingOrdersAndAnUnknownSymbolIsRefused() throws Exception
    {
        fill(1, "AAPL", Side.BUY, 10);
        gateway.controls().killSwitch(-1, true);
        final FlattenResult result = gateway.controls().flatten(1, "AAPL", 10_000);
        assertThat(result.closingOrderIds()).hasSize(1);
        final ReportCollector.Report denied = reports.awaitFinal(result.closingOrderIds().get(0), WAIT);
        assertThat(denied.type()).isEqualTo(ReportType.DENIED);
        assertThat(denied.text()).contains("KILL_SWITCH");
        assertThat(positions(snapshot(), 1)).containsExactly(Map.entry("AAPL", quantity(10)));

        assertThatThrownBy(() -> gateway.controls().flatten(1, "NOPE", 1_000))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("symbol: no instrument NOPE; the gateway trades "
            + "[AAPL, MSFT]");
    }

    @Test
    void inInvokerModeTheThreadThatBuiltTheGatewayDrivesItsOwnFlatten() throws Exception
    {
        final SimBrokerConfig sim = SimBrokerConfig.defaults("sim").withLatency(0, 0).withPartialFills(0, 2)
            .withPriceMoves(0, 0);
        try (OrderGateway invoked = OrderGateway.builder().symbols("AAPL").broker(new SimBroker(sim))
            .journalDirectory(journal.resolve("invoker"))
            .threadingMode(io.ordergateway.core.agent.ThreadingMode.INVOKER)
            .clock(new io.ordergateway.core.agent.ManualClock()).build())
        {
            final ReportCollector invokedReports = new ReportCollector(invoked);
            final NewOrder buy = new NewOrder().account(3).symbol(0).side(Side.BUY).type(OrderType.MARKET)
                .quantity(quantity(6));
            invoked.submit(buy);
            assertThat(invokedReports.awaitFinal(buy.orderId(), WAIT).state()).isEqualTo(OrderState.FILLED);
            final NewOrder resting = new NewOrder().account(3).symbol(0).side(Side.SELL).type(OrderType.LIMIT)
                .quantity(quantity(1)).limitPrice(HIGH);
            invoked.submit(resting);
            invokedReports.awaitState(resting.orderId(), OrderState.NEW, WAIT);

            final FlattenResult result = invoked.controls().flatten(3, null, 10_000); // no other thread invokes

            assertThat(result.cancelsSent()).isEqualTo(1);
            assertThat(result.ordersStillOpen()).isZero();
            assertThat(result.closingOrderIds()).hasSize(1);
            assertThat(invokedReports.awaitFinal(result.closingOrderIds().get(0), WAIT).state())
                .isEqualTo(OrderState.FILLED);
            assertThat(positions(invoked.await(invoked.snapshot(), 10_000), 3)).isEmpty();
        }
    }

    private HttpResponse<String> call(final String method, final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postAdminFlattenAnswersWhatItSentAndRefusesBadRequestsBeforeActing() throws Exception
    {
        admin = new AdminServer(gateway, "127.0.0.1", 0, null);
        fill(1, "AAPL", Side.BUY, 7);
        fill(2, "MSFT", Side.SELL, 2);
        final long open = rest(1, "MSFT", Side.BUY, 1);

        for (final String bad : List.of("", "?all=yes", "?all=true&account=1", "?symbol=NOPE", "?account=-1",
            "?acount=1", "?account=1&account=2"))
        {
            final HttpResponse<String> refused = call("POST", "/admin/flatten" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText()).as(bad).isNotBlank();
        }
        assertThat(call("POST", "/admin/flatten").body())
            .contains("expected account and/or symbol (e.g. ?account=1, ?symbol=AAPL, ?account=1&symbol=AAPL), or "
                + "all=true to flatten everything");
        assertThat(call("POST", "/admin/flatten?symbol=NOPE").body())
            .contains("query parameter symbol: no instrument 'NOPE'; the gateway trades [AAPL, MSFT]");
        assertThat(call("GET", "/admin/flatten?account=1").statusCode()).isEqualTo(405);
        assertThat(openOrders(snapshot(), 1)).as("nothing acted").containsExactly(open);

        final HttpResponse<String> flattened = call("POST", "/admin/flatten?account=1");
        assertThat(flattened.statusCode()).isEqualTo(200);
        final JsonNode json = new ObjectMapper().readTree(flattened.body());
        assertThat(json.get("account").asInt()).isEqualTo(1);
        assertThat(json.get("symbol").isNull()).isTrue();
        assertThat(json.get("cancelsSent").asInt()).isEqualTo(1);
        assertThat(json.get("ordersStillOpen").asInt()).isZero();
        final JsonNode close = json.get("closingOrders").get(0);
        assertThat(close.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(close.get("position").asText()).isEqualTo("7");
        assertThat(close.get("side").asText()).isEqualTo("SELL");
        assertThat(close.get("quantity").asText()).isEqualTo("7");
        assertThat(close.get("outcome").asText()).isEqualTo("SENT");
        awaitFilled(List.of(close.get("orderId").asLong()));

        final JsonNode all = new ObjectMapper().readTree(call("POST", "/admin/flatten?all=true").body());
        assertThat(all.get("account").isNull()).isTrue();
        assertThat(all.get("closingOrders")).hasSize(1);
        awaitFilled(List.of(all.get("closingOrders").get(0).get("orderId").asLong()));
        final PortfolioSnapshot after = snapshot();
        assertThat(positions(after, 1)).isEmpty();
        assertThat(positions(after, 2)).isEmpty();
        assertThat(after.openOrders()).isEmpty();
    }
}
