package io.ordergateway.core.settings;

import java.util.List;

/**
 * The values a whole-number setting may take (a range, or the powers of two in a range) and the
 * words that describe them. One rule per setting, declared once next to the setting
 * ({@code SettingRules.RING_SIZE_RULE}, {@code SettingRules.BURST_RULE}...), checked by
 * {@code GatewaySettings}; a front end that reads the number from text uses {@link #expected()} to
 * say what it wanted when the text is not a number at all.
 *
 * @param min        the smallest value allowed.
 * @param max        the largest value allowed.
 * @param powerOfTwo true when only powers of two are allowed.
 */
public record WholeNumberRule(long min, long max, boolean powerOfTwo)
{
    /**
     * Checks the bounds are in order.
     */
    public WholeNumberRule
    {
        if (min > max)
        {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
    }

    /**
     * @param min the smallest value allowed.
     * @param max the largest value allowed.
     * @return a rule allowing every whole number from min to max.
     */
    public static WholeNumberRule range(final long min, final long max)
    {
        return new WholeNumberRule(min, max, false);
    }

    /**
     * @param min the smallest value allowed (a power of two).
     * @param max the largest value allowed (a power of two).
     * @return a rule allowing the powers of two from min to max.
     */
    public static WholeNumberRule powerOfTwo(final long min, final long max)
    {
        return new WholeNumberRule(min, max, true);
    }

    /**
     * @return what the rule allows, as words: {@code a whole number from 1 to 1000000000} or
     *         {@code a power of two from 2 to 1073741824}.
     */
    public String expected()
    {
        return (powerOfTwo ? "a power of two from " : "a whole number from ") + min + " to " + max;
    }

    /**
     * @param value the value set.
     * @return null when the rule allows it, else why not and what was expected.
     */
    public String problem(final long value)
    {
        if (powerOfTwo && Long.bitCount(value) != 1)
        {
            return value + " is not a power of two; expected " + expected();
        }
        if (value < min || value > max)
        {
            return value + " is out of range; expected " + expected();
        }
        return null;
    }

    /**
     * Adds a problem when the rule does not allow a value.
     *
     * @param out     where problems go.
     * @param setting the setting.
     * @param detail  the part of it ({@code .burst}), or empty.
     * @param value   the value set.
     */
    public void check(final List<SettingProblem> out, final Setting setting, final String detail, final long value)
    {
        final String problem = problem(value);
        if (problem != null)
        {
            out.add(new SettingProblem(setting, detail, problem));
        }
    }
}
