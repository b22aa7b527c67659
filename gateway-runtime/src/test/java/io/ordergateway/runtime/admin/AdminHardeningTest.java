package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.testing.Await;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.runtime.config.ConfigWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to the admin endpoint, as issue 12 found them, over real sockets: malformed HTTP
 * (sent byte for byte, since HttpClient will not), foreign hosts and origins, bad parameters, and
 * more connections than the cap. Each is refused before anything acts, which the test checks against
 * the gateway itself (the kill switch, the configuration watcher), with a JSON error saying where.
 */
class AdminHardeningTest
{
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *([0-9]+)\r\n");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Socket> sockets = new ArrayList<>();
    private OrderGateway gateway;
    private AdminServer admin;
    private ReportCollector reports;
    private ConfigWatcher watcher;

    @AfterEach
    void close() throws IOException
    {
        for (final Socket s : sockets)
        {
            s.close();
        }
        if (admin != null)
        {
            admin.close();
        }
        if (gateway != null)
        {
            gateway.close();
        }
    }

    private void start(final String bind, final String token, final AdminOptions options) throws Exception
    {
        final SimBrokerConfig sim =
            SimBrokerConfig.defaults("x").withReferencePrices(Map.of("AAPL", 10_000_000_000L)).withLatency(0, 0);
        gateway = OrderGateway.builder().symbols("AAPL").broker(new SimBroker(sim.withSeed(1)))
            .journalDirectory(dir.resolve("journal")).threadingMode(ThreadingMode.INVOKER).clock(clock).build();
        reports = new ReportCollector(gateway);
        admin = new AdminServer(gateway, bind, 0, token, options);
        // a file that is not there: a reload that runs is refused and says so in lastOutcome()
        watcher = new ConfigWatcher(gateway, dir.resolve("absent.yaml"), null, Map.of(), null, 60_000, clock);
        admin.configWatcher(watcher);
    }

    private void start() throws Exception
    {
        start("127.0.0.1", null, AdminOptions.DEFAULTS);
    }

    private String host()
    {
        return "Host: 127.0.0.1:" + admin.port() + "\r\n";
    }

    /** An answer read off a raw socket. */
    private record Raw(int status, String head, String body, Socket socket)
    {
        String error() throws IOException
        {
            final JsonNode json = new ObjectMapper().readTree(body);
            assertThat(json.has("error")).as("a JSON error: %s", body).isTrue();
            assertThat(body).doesNotContain("\tat ").doesNotContain("Exception");
            return json.get("error").asText();
        }
    }

    private Socket connect() throws IOException
    {
        final Socket socket = new Socket("127.0.0.1", admin.port());
        sockets.add(socket);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private Raw raw(final String request) throws IOException
    {
        final Socket socket = connect();
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        final InputStream in = socket.getInputStream();
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new EOFException("closed before a whole response: " + head);
            }
            head.write(b);
        }
        final String text = head.toString(StandardCharsets.ISO_8859_1);
        final Matcher length = CONTENT_LENGTH.matcher(text);
        final byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return new Raw(Integer.parseInt(text.substring(9, 12)), text, new String(body, StandardCharsets.UTF_8), socket);
    }

    /**
     * @param socket a connection.
     * @return whether the server closed (or reset) it; false if it stays open for the socket's timeout.
     */
    private static boolean closedByServer(final Socket socket) throws IOException
    {
        try
        {
            return socket.getInputStream().read() == -1;
        }
        catch (final SocketTimeoutException ex)
        {
            return false;
        }
        catch (final SocketException ex)
        {
            return true; // reset
        }
    }

    private HttpResponse<String> call(final String method, final String path, final String... headers)
        throws Exception
    {
        final HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
        for (int h = 0; h < headers.length; h += 2)
        {
            request.header(headers[h], headers[h + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the gateway's agents (INVOKER mode), then asks it with an order whether the kill switch is on. */
    private boolean killSwitchEngaged()
    {
        clock.advance(100, TimeUnit.MILLISECONDS);
        Await.idle(gateway.invoker());
        final NewOrder order = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1));
        gateway.submit(order);
        final ReportCollector.Report last = reports.awaitFinal(order.orderId(), Duration.ofSeconds(10));
        return last.type() == ReportType.DENIED && last.text().contains(RejectReason.KILL_SWITCH.name());
    }

    @Test
    void badContentLengthsAreRefusedAndNothingReloads() throws Exception
    {
        start();
        for (final String bad : List.of("Content-Length: -1\r\n", "Content-Length: abc\r\n",
            "Content-Length: 1\r\nContent-Length: 2\r\n",
            "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"))
        {
            final Raw reply = raw("POST /admin/config/reload HTTP/1.1\r\n" + host() + bad + "\r\n0\r\n\r\n");
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.error()).as(bad).contains("Content-Length");
            assertThat(closedByServer(reply.socket())).as("closed after a malformed request").isTrue();
            assertThat(watcher.lastOutcome()).as("no reload ran for " + bad).isEqualTo("watching");
        }
        final Raw fine = raw("POST /admin/config/reload HTTP/1.1\r\n" + host() + "Content-Length: 0\r\n\r\n");
        assertThat(fine.status()).as("a well-formed reload runs (and is refused: no file)").isEqualTo(422);
        assertThat(watcher.lastOutcome()).startsWith("refused");
    }

    @Test
    void anInvalidChunkedBodyDoesNotReleaseTheKillSwitch() throws Exception
    {
        start();
        assertThat(call("POST", "/admin/kill-switch?engaged=true").statusCode()).isEqualTo(202);
        assertThat(killSwitchEngaged()).isTrue();

        final Raw reply = raw("POST /admin/kill-switch?engaged=false HTTP/1.1\r\n" + host()
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).contains("body: invalid chunked encoding");
        assertThat(killSwitchEngaged()).as("still engaged").isTrue();

        final Raw unterminated = raw("POST /admin/kill-switch?engaged=false HTTP/1.1\r\n" + host()
            + "Transfer-Encoding: chunked\r\n\r\n1\r\nxZZ0\r\n\r\n");
        assertThat(unterminated.status()).isEqualTo(400);
        assertThat(killSwitchEngaged()).as("still engaged").isTrue();
    }

    @Test
    void anotherOriginCannotActAndForeignHostsAreRefused() throws Exception
    {
        start();
        final HttpResponse<String> evil =
            call("POST", "/admin/kill-switch?engaged=true", "Origin", "http://evil.example");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).contains("header Origin: 'http://evil.example' is not this endpoint's own origin");
        assertThat(call("POST", "/admin/kill-switch?engaged=true", "Sec-Fetch-Site", "cross-site").statusCode())
            .isEqualTo(403);
        assertThat(call("POST", "/admin/kill-switch?engaged=true", "Origin", "null").statusCode()).isEqualTo(403);
        for (final String foreign : List.of("evil.example", "evil.example:" + admin.port(), "127.0.0.1:1",
            "0.0.0.0:" + admin.port()))
        {
            final Raw reply = raw("POST /admin/kill-switch?engaged=true HTTP/1.1\r\nHost: " + foreign
                + "\r\nContent-Length: 0\r\n\r\n");
            assertThat(reply.status()).as(foreign).isEqualTo(421);
            assertThat(reply.error()).contains("header Host: '" + foreign + "' is not this endpoint");
        }
        assertThat(raw("GET /metrics HTTP/1.1\r\nHost: evil.example\r\n\r\n").status()).isEqualTo(421);
        assertThat(raw("GET /metrics HTTP/1.0\r\n\r\n").status()).as("no Host").isEqualTo(400);
        assertThat(killSwitchEngaged()).as("nothing acted").isFalse();

        final String own = "http://localhost:" + admin.port();
        assertThat(raw("GET /metrics HTTP/1.1\r\nHost: localhost:" + admin.port() + "\r\n\r\n").status())
            .isEqualTo(200);
        assertThat(call("POST", "/admin/kill-switch?engaged=true", "Origin", own, "Sec-Fetch-Site", "same-origin")
            .statusCode()).as("the endpoint's own origin may act").isEqualTo(202);
        assertThat(killSwitchEngaged()).isTrue();
    }

    @Test
    void badParametersAndBodiesAreRefusedBeforeAnythingActs() throws Exception
    {
        start();
        final String[][] refused = {
            {"/admin/kill-switch?engaged=true&account=-5", "query parameter account: expected a whole number from 0"},
            {"/admin/kill-switch?engaged=true&account=abc", "query parameter account"},
            {"/admin/kill-switch?engaged=true&account=99999999999", "query parameter account"},
            {"/admin/kill-switch?engaged=TRUE", "query parameter engaged: expected true or false, got 'TRUE'"},
            {"/admin/kill-switch?engaged=true&engaged=false", "query parameter engaged: given 2 times"},
            {"/admin/kill-switch?engaged=true&engaged=true", "query parameter engaged: given 2 times"},
            {"/admin/kill-switch?engaged=true&accont=5",
                "query parameter 'accont': unknown for POST /admin/kill-switch (it takes engaged, account)"},
            {"/admin/kill-switch?engaged=true&=5", "query string: a parameter without a name"},
            {"/admin/config/rollback?version=0", "query parameter version"},
            {"/admin/config/reload?force=1", "query parameter 'force': unknown for POST /admin/config/reload"},
        };
        for (final String[] r : refused)
        {
            final HttpResponse<String> reply = call("POST", r[0]);
            assertThat(reply.statusCode()).as(r[0]).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(reply.body()).get("error").asText()).as(r[0]).contains(r[1]);
        }
        assertThat(call("GET", "/metrics?x=1").statusCode()).isEqualTo(400);
        final Raw escape = raw("POST /admin/kill-switch?engaged=%zz HTTP/1.1\r\n" + host() + "\r\n");
        assertThat(escape.status()).isEqualTo(400);
        assertThat(escape.error()).startsWith("request target:");
        final Raw body = raw("POST /admin/kill-switch?engaged=true HTTP/1.1\r\n" + host()
            + "Content-Length: 4\r\n\r\ntrue");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.error()).isEqualTo("body: POST /admin/kill-switch takes no body (parameters go in the query "
            + "string); got 4 bytes");
        final HttpResponse<String> get = call("GET", "/admin/kill-switch?engaged=true");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
        assertThat(call("POST", "/admin/brokers/x/explode").statusCode()).isEqualTo(404);
        assertThat(killSwitchEngaged()).as("nothing acted").isFalse();
        assertThat(watcher.lastOutcome()).isEqualTo("watching");
    }

    @Test
    void oversizedHeadersAndBodiesAreRefusedWithJson() throws Exception
    {
        start();
        final Raw headers = raw("GET /metrics HTTP/1.1\r\n" + host() + "X-Filler: " + "a".repeat(9_000) + "\r\n\r\n");
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.error()).startsWith("headers:");
        final Raw body = raw("POST /admin/config/reload HTTP/1.1\r\n" + host() + "Content-Length: 100000\r\n\r\n");
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.error()).startsWith("body: larger than 4096 bytes");
        assertThat(closedByServer(body.socket())).isTrue();
        assertThat(watcher.lastOutcome()).isEqualTo("watching");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception
    {
        start("0.0.0.0", "s3cret-token", AdminOptions.DEFAULTS);
        assertThat(call("GET", "/metrics", "Authorization", "bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/metrics", "Authorization", "BEARER s3cret-token").statusCode()).isEqualTo(200);
        final HttpResponse<String> wrong = call("GET", "/metrics", "Authorization", "bearer s3cret-tokeN");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("s3cret");
        assertThat(call("GET", "/metrics", "Authorization", "Basic s3cret-token").statusCode()).isEqualTo(401);
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnce() throws Exception
    {
        start("127.0.0.1", null, AdminOptions.DEFAULTS.withMaxConnections(4));
        final List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            held.add(connect());
        }
        Await.until("4 connections open", () -> admin.openConnections() == 4, Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++)
        {
            assertThat(closedByServer(connect())).as("connection %d beyond the cap", i + 1).isTrue();
        }
        assertThat(admin.openConnections()).isEqualTo(4);
        held.get(0).close();
        held.get(1).close();
        Await.until("2 connections open", () -> admin.openConnections() == 2, Duration.ofSeconds(5));
        assertThat(call("GET", "/admin/execution-status").statusCode()).isEqualTo(200);
    }

    @Test
    void idleConnectionsAndSlowRequestsAreClosed() throws Exception
    {
        start("127.0.0.1", null, AdminOptions.DEFAULTS.withTimeouts(Duration.ofMillis(600), Duration.ofMillis(200)));
        final Socket idle = connect();
        final long started = System.nanoTime();
        final Raw slow = raw("POST /admin/config/reload HTTP/1.1\r\n" + host() + "Content-Len");
        assertThat(slow.status()).isEqualTo(408);
        assertThat(slow.error()).startsWith("request: not complete within 200 ms");
        assertThat(closedByServer(slow.socket())).isTrue();
        assertThat(closedByServer(idle)).as("idle: closed").isTrue();
        assertThat(System.nanoTime() - started).as("well before the socket's own timeout")
            .isLessThan(TimeUnit.SECONDS.toNanos(4));
        assertThat(watcher.lastOutcome()).isEqualTo("watching");
    }
}
