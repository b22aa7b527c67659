package io.ordergateway.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordergateway.core.broker.BrokerBlock;
import io.ordergateway.core.settings.WholeNumberRule;
import io.ordergateway.journal.FixedPoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mapping being read: remembers which keys were read, so the rest can be reported as unknown.
 */
final class ConfigNode implements BrokerBlock
{
    private static final long SECOND = 1_000_000_000L;

    final JsonNode node;
    String brokerName;
    final String path;
    final List<String> problems;
    final Set<String> used = new LinkedHashSet<>();
    private boolean allUsed;

    ConfigNode(final JsonNode node, final String path, final List<String> problems)
    {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    @Override
    public String path(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    @Override
    public String name()
    {
        return brokerName;
    }

    @Override
    public void problem(final String key, final String message)
    {
        problems.add(path(key) + ": " + message);
    }

    boolean has(final String key)
    {
        return node != null && node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    List<String> keys()
    {
        final List<String> keys = new ArrayList<>();
        if (node != null && node.isObject())
        {
            node.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    void markAllUsed()
    {
        allUsed = true;
    }

    private JsonNode get(final String key)
    {
        used.add(key);
        return has(key) ? node.get(key) : null;
    }

    ConfigNode object(final String key)
    {
        final JsonNode v = get(key);
        if (v != null && !v.isObject())
        {
            problems.add(path(key) + ": expected a mapping (key: value lines), found " + kind(v));
            return new ConfigNode(null, path(key), problems);
        }
        return new ConfigNode(v, path(key), problems);
    }

    List<ConfigNode> list(final String key)
    {
        final JsonNode v = get(key);
        final List<ConfigNode> out = new ArrayList<>();
        if (v == null)
        {
            return out;
        }
        if (!v.isArray())
        {
            problems.add(path(key) + ": expected a list (- item lines), found " + kind(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++)
        {
            out.add(new ConfigNode(v.get(i), path(key) + "[" + i + "]", problems));
        }
        return out;
    }

    String scalar()
    {
        return node == null ? null : node.asText();
    }

    @Override
    public String text(final String key, final String otherwise)
    {
        final JsonNode v = get(key);
        if (v == null)
        {
            return otherwise;
        }
        if (!v.isValueNode())
        {
            problems.add(path(key) + ": expected a text value, found " + kind(v));
            return otherwise;
        }
        return v.asText();
    }

    @Override
    public String requiredText(final String key)
    {
        final String v = text(key, null);
        if (v == null || v.isBlank())
        {
            problems.add(path(key) + ": required; expected a text value");
            return null;
        }
        return v;
    }

    @Override
    public long integer(final String key, final long otherwise, final long min, final long max)
    {
        final WholeNumberRule rule = WholeNumberRule.range(min, max);
        final Long value = whole(key, rule);
        final String problem = value == null ? null : rule.problem(value);
        if (problem != null)
        {
            problems.add(path(key) + ": " + problem);
        }
        return value == null || problem != null ? otherwise : value;
    }

    /**
     * Reads a whole number whose rule the gateway's settings check (only its type is checked here).
     *
     * @param key       the key.
     * @param otherwise the value when absent or not a whole number.
     * @param rule      the setting's rule, to say what was expected.
     * @return the number as written.
     */
    long wholeNumber(final String key, final long otherwise, final WholeNumberRule rule)
    {
        final Long value = whole(key, rule);
        return value == null ? otherwise : value;
    }

    /**
     * As {@link #wholeNumber}, for a setting held in an int, whose rule lies within an int: a number
     * beyond one is reported by the rule here, as it cannot be handed on.
     */
    int wholeInt(final String key, final int otherwise, final WholeNumberRule rule)
    {
        final long value = wholeNumber(key, otherwise, rule);
        if (value != (int)value)
        {
            problems.add(path(key) + ": " + rule.problem(value));
            return otherwise;
        }
        return (int)value;
    }

    /**
     * @return the whole number at key, or null when absent or not a whole number (reported).
     */
    private Long whole(final String key, final WholeNumberRule rule)
    {
        final JsonNode v = get(key);
        if (v == null)
        {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong())
        {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().trim().matches("-?\\d+")
            && new java.math.BigInteger(v.asText().trim()).bitLength() < 64)
        {
            // a longer one is no whole number a gateway holds: reported below
            return Long.parseLong(v.asText().trim());
        }
        problems.add(path(key) + ": '" + v.asText() + "' is not a whole number; expected " + rule.expected());
        return null;
    }

    long seconds(final String key, final long otherwiseSeconds)
    {
        final JsonNode v = get(key);
        used.add(key);
        if (v == null)
        {
            return otherwiseSeconds * SECOND;
        }
        final long nanos = decimalOf(key, v, 9);
        if (nanos <= 0)
        {
            problems.add(path(key) + ": " + v.asText() + "; expected a positive number of seconds");
            return otherwiseSeconds * SECOND;
        }
        return nanos;
    }

    long decimal(final String key, final long otherwise, final int decimals)
    {
        final JsonNode v = get(key);
        if (v == null)
        {
            return otherwise;
        }
        final long value = decimalOf(key, v, decimals);
        if (value < 0)
        {
            problems.add(path(key) + ": " + v.asText() + " is negative; expected 0 or more");
            return otherwise;
        }
        return value;
    }

    private long decimalOf(final String key, final JsonNode v, final int decimals)
    {
        if (!v.isNumber() && !v.isTextual())
        {
            problems.add(path(key) + ": expected a number, found " + kind(v));
            return 0;
        }
        try
        {
            return FixedPoint.parse(v.isNumber() ? v.decimalValue().toPlainString() : v.asText().trim(), decimals);
        }
        catch (final RuntimeException ex)
        {
            problems.add(path(key) + ": '" + v.asText() + "' is not a number with at most " + decimals
                + " decimals");
            return 0;
        }
    }

    @Override
    public double fraction(final String key, final double otherwise)
    {
        final JsonNode v = get(key);
        if (v == null)
        {
            return otherwise;
        }
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1)
        {
            problems.add(path(key) + ": '" + v.asText() + "'; expected a number from 0 to 1");
            return otherwise;
        }
        return v.asDouble();
    }

    @Override
    public boolean bool(final String key, final boolean otherwise)
    {
        final JsonNode v = get(key);
        if (v == null)
        {
            return otherwise;
        }
        if (v.isBoolean())
        {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false")))
        {
            return Boolean.parseBoolean(v.asText());
        }
        problems.add(path(key) + ": '" + v.asText() + "'; expected true or false");
        return otherwise;
    }

    <E extends Enum<E>> E choice(final String key, final E otherwise, final Class<E> type)
    {
        final String text = text(key, null);
        if (text == null)
        {
            return otherwise;
        }
        for (final E e : type.getEnumConstants())
        {
            if (e.name().equalsIgnoreCase(text.replace('-', '_')))
            {
                return e;
            }
        }
        final List<String> allowed = new ArrayList<>();
        for (final E e : type.getEnumConstants())
        {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        problems.add(path(key) + ": '" + text + "'; expected one of " + String.join(", ", allowed));
        return otherwise;
    }

    void done()
    {
        done("unknown key");
    }

    /**
     * Reports every key of this mapping that nothing read.
     *
     * @param what how to call such a key in the message.
     */
    void done(final String what)
    {
        if (allUsed || node == null || !node.isObject())
        {
            return;
        }
        for (final String key : keys())
        {
            if (!used.contains(key))
            {
                problems.add(path(key) + ": " + what + "; expected one of " + new TreeSet<>(used));
            }
        }
    }

    private static String kind(final JsonNode v)
    {
        return v.isObject() ? "a mapping" : v.isArray() ? "a list" : "'" + v.asText() + "'";
    }
}
