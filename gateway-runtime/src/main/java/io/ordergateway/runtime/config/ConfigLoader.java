package io.ordergateway.runtime.config;

import io.ordergateway.core.settings.SettingRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.broker.BrokerDefinition;
import io.ordergateway.core.broker.BrokerFactory;
import io.ordergateway.core.api.GatewaySettings;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.ResumeAfterPause;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.OwnedFile;
import io.ordergateway.journal.JournalDurability;
import io.ordergateway.journal.JournalRollCycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the gateway's YAML configuration: the top-level sections are the defaults, a profile
 * ({@code profiles: {production: {...}}}) overrides them key by key (lists are replaced),
 * {@code ${NAME}} and {@code ${NAME:-default}} are replaced from the environment (for secrets),
 * then every key is checked. Every problem is collected, each with its path and what was expected;
 * unknown keys are problems too. Jackson reads the file into a tree; this class checks what only a
 * file can get wrong (types, unknown keys, names that refer to nothing) and hands every value to
 * {@link GatewaySettings#problems()}, the same check a gateway built in code gets, whose problems
 * {@link SettingPaths} names by their paths in the file. The messages say exactly what a person has to fix.
 */
public final class ConfigLoader
{
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
    private static final long SECOND = 1_000_000_000L;

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();
    /** Values that came from {@code ${...}}, by what they came from: never echoed in a problem. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private ConfigLoader(final Map<String, String> environment)
    {
        this.environment = environment;
    }

    /** Files larger than this are refused before they are parsed. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    /**
     * @param file        the configuration: YAML, or JSON when the name ends in {@code .json}.
     * @param profile     the profile to apply, or null for the defaults alone.
     * @param environment the environment for {@code ${...}}.
     * @return the checked configuration.
     * @throws ConfigException listing every problem.
     */
    public static GatewayConfig load(final Path file, final String profile, final Map<String, String> environment)
    {
        final String text;
        try
        {
            final long size = Files.size(file);
            if (size > MAX_FILE_BYTES)
            {
                throw new ConfigException(file,
                    List.of(file + " is " + size + " bytes; a configuration file may be at most " + MAX_FILE_BYTES
                    + " (is it the right file?)"));
            }
            text = Files.readString(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException(file, List.of("no configuration file at " + file));
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file, List.of("cannot read " + file + ": " + ex.getMessage()));
        }
        return parse(text, file, profile, environment);
    }

    /**
     * @param yaml        the configuration text.
     * @param origin      where it came from (for messages and relative paths).
     * @param profile     the profile to apply, or null.
     * @param environment the environment.
     * @return the checked configuration.
     * @throws ConfigException listing every problem.
     */
    public static GatewayConfig
        parse(final String yaml, final Path origin, final String profile, final Map<String, String> environment)
    {
        final boolean json = origin != null && origin.getFileName() != null
            && origin.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        final JsonNode root;
        try
        {
            root = mapper(json).readTree(yaml);
        }
        catch (final JsonProcessingException ex)
        {
            final String where = (ex.getLocation() == null ? "" : " at line " + ex.getLocation().getLineNr()
                + ", column " + ex.getLocation().getColumnNr()) + path(ex);
            throw new ConfigException(origin, List.of("not valid " + (json ? "JSON" : "YAML") + where + ": "
                + ex.getOriginalMessage()));
        }
        final ConfigLoader loader = new ConfigLoader(environment);
        final GatewayConfig config =
            loader.read(root == null || root.isMissingNode() ? JsonNodeFactory.instance.objectNode() : root, profile);
        loader.otherProfiles(root, profile);
        if (!loader.problems.isEmpty())
        {
            throw new ConfigException(origin, loader.redacted(SettingPaths.inFileOrder(loader.problems)));
        }
        return config;
    }

    /**
     * Checks every profile the file has besides the one chosen, so a mistake in one is found before
     * the day it is used. Variables a profile needs but this environment lacks are not its mistakes.
     */
    private void otherProfiles(final JsonNode root, final String chosen)
    {
        if (root == null || !root.isObject() || !root.has("profiles") || !root.get("profiles").isObject())
        {
            return;
        }
        final java.util.Iterator<String> names = root.get("profiles").fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (name.equals(chosen))
            {
                continue;
            }
            final ConfigLoader other = new ConfigLoader(environment);
            other.read(root, name);
            for (final String problem : other.redacted(other.problems))
            {
                if (!problem.contains("environment variable") && !problems.contains(problem))
                {
                    problems.add("profiles." + name + " -> " + problem);
                }
            }
        }
    }

    private List<String> redacted(final List<String> list)
    {
        if (secrets.isEmpty())
        {
            return list;
        }
        final List<String> out = new ArrayList<>();
        for (final String problem : list)
        {
            String shown = problem;
            for (final Map.Entry<String, String> secret : secrets.entrySet())
            {
                shown = shown.replace(secret.getKey(), "(the value of " + secret.getValue() + ")");
            }
            out.add(shown);
        }
        return out;
    }

    /**
     * @return where in the document the parser was, as the problems' paths name it
     *         ({@code gateway.ringSize}), or "" if it does not say.
     */
    private static String path(final JsonProcessingException ex)
    {
        if (!(ex.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser))
        {
            return "";
        }
        final StringBuilder path = new StringBuilder();
        com.fasterxml.jackson.core.JsonStreamContext context =
            ((com.fasterxml.jackson.core.JsonParser)ex.getProcessor()).getParsingContext();
        final List<String> parts = new ArrayList<>();
        while (context != null && !context.inRoot())
        {
            if (context.inArray())
            {
                parts.add(0, "[" + context.getCurrentIndex() + "]");
            }
            else if (context.getCurrentName() != null)
            {
                parts.add(0, "." + context.getCurrentName());
            }
            context = context.getParent();
        }
        parts.forEach(path::append);
        return path.length() == 0 ? "" : " (" + (path.charAt(0) == '.' ? path.substring(1) : path) + ")";
    }

    /**
     * The parser: YAML or JSON, either way refusing a key given twice in one mapping (the second
     * would silently win).
     */
    private static ObjectMapper mapper(final boolean json)
    {
        final ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    // ------------------------------------------------------------------ reading

    private GatewayConfig read(final JsonNode rootNode, final String profile)
    {
        if (!rootNode.isObject())
        {
            problems.add("(top): expected a mapping of sections (gateway, instruments, brokers, routing, risk, "
                + "throttles, admin, counters, profiles)");
            return null;
        }
        ObjectNode root = (ObjectNode)rootNode.deepCopy();
        final JsonNode profiles = root.remove("profiles");
        if (profile != null)
        {
            if (profiles == null || !profiles.isObject() || !profiles.has(profile))
            {
                problems.add("profiles." + profile + ": no such profile; the file has "
                    + (profiles == null || !profiles.isObject() ? "none" : names(profiles)));
            }
            else if (!profiles.get(profile).isObject())
            {
                problems.add("profiles." + profile + ": expected a mapping of the sections it overrides");
            }
            else
            {
                root = merge(root, (ObjectNode)profiles.get(profile));
            }
        }
        substitute(root, "");
        final ConfigNode top = new ConfigNode(root, "", problems);
        final ConfigNode gateway = top.object("gateway");
        final String instanceId = gateway.text("instanceId", GatewaySettings.DEFAULT_INSTANCE_ID);
        final int ringSize = gateway.wholeInt("ringSize", GatewaySettings.DEFAULT_RING_SIZE,
            SettingRules.RING_SIZE_RULE);
        final ThreadingMode threadingMode =
            gateway.choice("threadingMode", GatewaySettings.DEFAULT_THREADING_MODE, ThreadingMode.class);
        final Topology topology = gateway.choice("topology", GatewaySettings.DEFAULT_TOPOLOGY, Topology.class);
        final WaitStrategyKind wait =
            gateway.choice("waitStrategy", GatewaySettings.DEFAULT_WAIT_STRATEGY, WaitStrategyKind.class);
        final ConfigNode journal = gateway.object("journal");
        final String directory = journal.text("directory", null);
        final Path journalDir = directory == null ? GatewaySettings.DEFAULT_JOURNAL_DIRECTORY : Path.of(directory);
        final JournalRollCycle rollCycle =
            journal.choice("rollCycle", GatewaySettings.DEFAULT_ROLL_CYCLE, JournalRollCycle.class);
        final var durability = journal.choice("durability", JournalDurability.PAGE_CACHE, JournalDurability.class);
        final boolean pretouch = journal.bool("pretouch", true);
        journal.done();
        gateway.done();

        final List<Instrument> instruments = new ArrayList<>();
        final List<ConfigNode> instrumentNodes = top.list("instruments");
        for (final ConfigNode i : instrumentNodes)
        {
            final String symbol = i.requiredText("symbol");
            Instrument instrument = Instrument.of(symbol == null ? "?" : symbol);
            final long price = i.decimal("referencePrice", 0, FixedPoint.PRICE_DECIMALS);
            try
            {
                instrument = instrument.withReferencePrice(price).withCalendar(i.text("calendar", "24x7"));
                if (i.has("lotSize") || i.has("minQuantity") || i.has("maxQuantity") || i.has("fractionable"))
                {
                    instrument = instrument.withQuantities(i.decimal("lotSize", FixedPoint.QUANTITY_SCALE,
                        FixedPoint.QUANTITY_DECIMALS),
                        i.decimal("minQuantity", FixedPoint.QUANTITY_SCALE, FixedPoint.QUANTITY_DECIMALS),
                        i.decimal("maxQuantity", instrument.maxQuantity(), FixedPoint.QUANTITY_DECIMALS),
                        i.bool("fractionable", false));
                }
            }
            catch (final IllegalArgumentException ex)
            {
                problems.add(i.path + ": " + ex.getMessage());
            }
            i.done();
            instruments.add(instrument);
        }

        final List<GatewayConfig.Broker> brokers = new ArrayList<>();
        final Map<String, BrokerFactory> factories = BrokerFactory.installed();
        final Map<String, Integer> brokerIds = new LinkedHashMap<>();
        final List<Long> apiRates = new ArrayList<>();
        final List<Long> apiBursts = new ArrayList<>();
        final List<Long> costs = new ArrayList<>();
        final Map<String, io.ordergateway.core.broker.CapabilityOverride> overrides = new LinkedHashMap<>();
        final java.util.Set<String> symbolNames = new java.util.TreeSet<>(instruments.stream().map(Instrument::symbol)
            .toList());
        final List<ConfigNode> brokerNodes = top.list("brokers");
        for (final ConfigNode b : brokerNodes)
        {
            final String name = b.requiredText("name");
            final String type = b.requiredText("type");
            if (name != null && brokerIds.put(name, brokers.size()) != null)
            {
                problems.add(b.path("name") + ": '" + name + "' is used by two brokers; expected unique names");
            }
            final boolean enabled = b.bool("enabled", true);
            final BrokerFactory factory = type == null ? null : factories.get(type);
            BrokerDefinition definition = null;
            if (factory != null)
            {
                b.brokerName = name == null ? "?" : name;
                definition = factory.define(b); // the factory reads and checks its own keys
            }
            else if (type != null)
            {
                problems.add(b.path("type") + ": '" + type + "'; expected one of " + factories.keySet());
                b.markAllUsed();
            }
            final ConfigNode budget = b.object("apiBudget");
            apiRates.add(budget.integer("ratePerSecond", 0, 0, 1_000_000_000));
            apiBursts.add(budget.integer("burst", 1, 1, 1_000_000_000));
            budget.done();
            costs.add(b.decimal("costBps", 0, 4));
            CapabilitiesSection.collect(b.object("capabilities"), symbolNames, name == null ? "?" : name, overrides);
            b.done("unknown key for this broker type");
            brokers.add(new GatewayConfig.Broker(name == null ? "?" : name, type == null ? "?" : type, enabled,
                definition));
        }

        final RoutingConfig routing =
            routing(top.object("routing"), brokerIds, instruments, apiRates, apiBursts, costs);
        final RiskLimits risk = riskSection(root, top);
        final ConfigNode t = top.object("throttles");
        final GatewayConfig.Throttles throttles =
            new GatewayConfig.Throttles(rate(t.object("account")), rate(t.object("strategy")),
            rate(t.object("symbol")));
        t.done();
        final ConfigNode a = top.object("admin");
        final int port = (int)a.integer("port", 0, 0, 65_535);
        final String bind = a.text("bind", "127.0.0.1");
        final String token = a.text("token", null);
        if (port > 0 && !isLoopback(bind) && (token == null || token.isBlank()))
        {
            problems.add(a.path("token") + ": required when admin.bind (" + bind + ") is not a loopback address");
        }
        a.done();
        final ConfigNode c = top.object("counters");
        final boolean counters = c.bool("enabled", true);
        final Path countersFile = counters ? Path.of(c.text("file", "gateway.counters")) : null;
        if (countersFile != null && OwnedFile.isJournalFileName(countersFile))
        {
            problems.add("counters.file: '" + countersFile
                + "' is a journal file's name (*.cq4, *.cq4t); writing counters there would destroy the journal; "
                + "expected another name, e.g. gateway.counters");
        }
        c.done();
        final io.ordergateway.core.reconcile.ReconciliationSettings reconciliation =
            reconciliation(top.object("reconciliation")).withCapabilities(overrides);
        top.done();
        final GatewayConfig config = new GatewayConfig(instanceId, ringSize, threadingMode, topology, wait, journalDir,
            rollCycle, durability, pretouch, instruments, brokers, routing, risk, throttles,
            new GatewayConfig.Admin(port, bind, token), countersFile, profile, reconciliation);
        // The gateway's own check, once: brokers by their unique names (a name used twice or missing is reported
        // above).
        SettingPaths.report(ConfiguredGateway.gatewaySettings(config).brokerNames(List.copyOf(brokerIds.keySet()))
            .problems(), problems);
        return config;
    }

    /**
     * {@code reconciliation: { intervalSeconds: 60, onDifference: warn | reduce_only | kill_switch,
     * adoptExternal: true, externalAccount: 999999 }}; every key optional.
     */
    private io.ordergateway.core.reconcile.ReconciliationSettings reconciliation(final ConfigNode r)
    {
        final io.ordergateway.core.reconcile.ReconciliationSettings d =
            io.ordergateway.core.reconcile.ReconciliationSettings.defaults();
        final long interval = r.integer("intervalSeconds", d.intervalSeconds(), 0,
            io.ordergateway.core.reconcile.ReconciliationSettings.MAX_INTERVAL_SECONDS);
        final String policyText = r.text("onDifference", "warn");
        io.ordergateway.core.reconcile.DifferencePolicy policy = d.onDifference();
        try
        {
            policy = io.ordergateway.core.reconcile.DifferencePolicy.parse(policyText);
        }
        catch (final IllegalArgumentException ex)
        {
            problems.add(r.path("onDifference") + ": " + ex.getMessage());
        }
        final boolean adopt = r.bool("adoptExternal", d.adoptExternal());
        final int account = (int)r.integer("externalAccount", d.externalAccount(), 0, Integer.MAX_VALUE);
        r.done();
        return new io.ordergateway.core.reconcile.ReconciliationSettings(interval, policy, adopt, account);
    }

    private RoutingConfig
        routing(final ConfigNode r, final Map<String, Integer> brokerIds, final List<Instrument> instruments,
        final List<Long> apiRates, final List<Long> apiBursts, final List<Long> costs)
    {
        final int n = Math.max(1, brokerIds.size());
        RoutingConfig config = RoutingConfig.defaults(n);
        final RoutingPolicy policy = r.choice("policy", RoutingPolicy.PRIMARY_ONLY, RoutingPolicy.class);
        final List<Integer> chain = new ArrayList<>();
        boolean chainNamesKnown = true;
        if (r.has("chain"))
        {
            for (final ConfigNode name : r.list("chain"))
            {
                final Integer id = brokerIds.get(name.scalar());
                if (id == null)
                {
                    problems.add(name.path + ": '" + name.scalar() + "' is not a broker; expected one of "
                        + brokerIds.keySet());
                    chainNamesKnown = false;
                }
                else
                {
                    chain.add(id);
                }
            }
        }
        final List<Integer> weights = new ArrayList<>(config.weights());
        if (r.has("weights"))
        {
            final ConfigNode w = r.object("weights");
            for (final String name : w.keys())
            {
                final Integer id = brokerIds.get(name);
                final long percent = w.integer(name, 0, 0, 100);
                if (id == null)
                {
                    problems.add(w.path(name) + ": '" + name + "' is not a broker; expected one of "
                        + brokerIds.keySet());
                }
                else
                {
                    weights.set(id, (int)percent);
                }
            }
            if (w.keys().size() != brokerIds.size())
            {
                problems.add(w.path + ": expected a percentage for each broker " + brokerIds.keySet());
            }
            w.done();
        }
        final Map<Integer, RoutingPolicy> byAccount = new HashMap<>();
        final ConfigNode accounts = r.object("byAccount");
        for (final String key : accounts.keys())
        {
            try
            {
                byAccount.put(Integer.parseInt(key),
                    accounts.choice(key, RoutingPolicy.PRIMARY_ONLY, RoutingPolicy.class));
            }
            catch (final NumberFormatException ex)
            {
                problems.add(accounts.path(key) + ": '" + key + "' is not an account id; expected a whole number");
                accounts.markAllUsed();
            }
        }
        accounts.done();
        final Map<String, RoutingPolicy> bySymbol = new HashMap<>();
        final ConfigNode symbols = r.object("bySymbol");
        final Set<String> known = new TreeSet<>();
        instruments.forEach(i -> known.add(i.symbol()));
        for (final String key : symbols.keys())
        {
            if (!known.contains(key))
            {
                problems.add(symbols.path(key) + ": '" + key + "' is not an instrument; expected one of " + known);
            }
            bySymbol.put(key, symbols.choice(key, RoutingPolicy.PRIMARY_ONLY, RoutingPolicy.class));
        }
        symbols.done();
        final long failures = r.integer("failureThreshold", 5, 1, 1_000_000);
        final long open = r.seconds("breakerOpenSeconds", 30);
        final long recovery = r.seconds("recoverySeconds", 300);
        final long holdDown = r.seconds("holdDownSeconds", 600);
        final long timeout = r.seconds("sendTimeoutSeconds", 10);
        final long tick = r.integer("tickMillis", 100, 1, 60_000) * 1_000_000L;
        final boolean failover = r.bool("failover", true);
        final ResumeAfterPause resume = r.choice("resumeAfterPause", ResumeAfterPause.AUTO, ResumeAfterPause.class);
        r.done();
        config = config.withPolicy(policy).withRules(byAccount, bySymbol)
            .withFailover((int)failures, open, recovery, holdDown, timeout, tick)
            .withWeights(weights).withAutomaticFailover(failover).withResumeAfterPause(resume);
        if (!chain.isEmpty() && chainNamesKnown)
        {
            config = config.withChain(chain); // an unknown name is reported once, above
        }
        if (apiRates.size() == n)
        {
            config = config.withApiBudgets(apiRates, apiBursts).withCosts(costs);
        }
        return config; // checked with the rest of the gateway's settings
    }

    /**
     * Limits are said on purpose: a file without a {@code risk:} section is refused, {@code risk: none}
     * trades without limits.
     */
    private RiskLimits riskSection(final ObjectNode root, final ConfigNode top)
    {
        final JsonNode section = root.get("risk");
        if (section == null)
        {
            problems.add("risk: missing; expected the limits (maxOrderQuantity, maxOrderNotional, priceBandPercent, "
                + "maxPosition, maxGrossExposure, maxOpenOrders), or `risk: none` to trade without limits on purpose");
            return RiskLimits.NONE;
        }
        if (section.isTextual() && "none".equalsIgnoreCase(section.asText()))
        {
            top.used.add("risk");
            return RiskLimits.NONE;
        }
        return risk(top.object("risk"));
    }

    private RiskLimits risk(final ConfigNode r)
    {
        final RiskLimits limits = new RiskLimits(
            r.decimal("maxOrderQuantity", 0, FixedPoint.QUANTITY_DECIMALS),
            r.decimal("maxOrderNotional", 0, FixedPoint.PRICE_DECIMALS),
            r.decimal("priceBandPercent", 0, 2), // a percent with 2 decimals, scaled by 100, is basis points
            r.decimal("maxPosition", 0, FixedPoint.QUANTITY_DECIMALS),
            r.decimal("maxGrossExposure", 0, FixedPoint.PRICE_DECIMALS),
            (int)r.integer("maxOpenOrders", 0, 0, Integer.MAX_VALUE));
        r.done();
        return limits;
    }

    private GatewayConfig.Rate rate(final ConfigNode n)
    {
        // the ranges are the gateway's to check
        final GatewayConfig.Rate rate =
            new GatewayConfig.Rate(n.wholeNumber("ratePerSecond", 0, SettingRules.RATE_PER_SECOND_RULE),
            n.wholeNumber("burst", 1, SettingRules.BURST_RULE));
        n.done();
        return rate;
    }

    private static boolean isLoopback(final String bind)
    {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1") || bind.startsWith("127.");
    }

    private static String names(final JsonNode object)
    {
        final List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static ObjectNode merge(final ObjectNode base, final ObjectNode over)
    {
        final Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> f = fields.next();
            final JsonNode existing = base.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject())
            {
                merge((ObjectNode)existing, (ObjectNode)f.getValue());
            }
            else
            {
                base.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        return base;
    }

    private void substitute(final JsonNode node, final String path)
    {
        if (node.isObject())
        {
            final ObjectNode object = (ObjectNode)node;
            final List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (final String key : keys)
            {
                final JsonNode child = object.get(key);
                final String childPath = path.isEmpty() ? key : path + "." + key;
                if (child.isTextual())
                {
                    object.set(key, TextNode.valueOf(expand(child.asText(), childPath)));
                }
                else
                {
                    substitute(child, childPath);
                }
            }
        }
        else if (node.isArray())
        {
            final ArrayNode array = (ArrayNode)node;
            for (int i = 0; i < array.size(); i++)
            {
                final JsonNode child = array.get(i);
                if (child.isTextual())
                {
                    array.set(i, TextNode.valueOf(expand(child.asText(), path + "[" + i + "]")));
                }
                else
                {
                    substitute(child, path + "[" + i + "]");
                }
            }
        }
    }

    private String expand(final String text, final String path)
    {
        final Matcher m = VARIABLE.matcher(text);
        final StringBuilder out = new StringBuilder();
        while (m.find())
        {
            String value = environment.get(m.group(1));
            if (value == null)
            {
                value = m.group(3);
            }
            if (value == null)
            {
                problems.add(path + ": environment variable " + m.group(1)
                    + " is not set; expected it set, or a default as ${" + m.group(1) + ":-value}");
                value = m.group(); // left as written: reported once, not again as missing
            }
            if (!value.equals(m.group()) && value.length() >= 4)
            {
                secrets.put(value, "${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
