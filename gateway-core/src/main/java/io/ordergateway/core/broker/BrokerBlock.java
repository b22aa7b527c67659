package io.ordergateway.core.broker;

/**
 * One broker's block of the configuration, as its {@link BrokerFactory} reads it. Each read marks
 * the key as known; a value that is not what was asked for is reported with its path and what was
 * expected, and the default is returned. Absent keys give the default.
 */
public interface BrokerBlock
{
    /**
     * @return the broker's name (its {@code name} key).
     */
    String name();

    /**
     * @param key a key of this block.
     * @return its path in the file, for messages (e.g. {@code brokers[1].url}).
     */
    String path(String key);

    /**
     * @param key       the key.
     * @param otherwise the default.
     * @return its text.
     */
    String text(String key, String otherwise);

    /**
     * @param key the key.
     * @return its text, or null (and a problem) when absent or blank.
     */
    String requiredText(String key);

    /**
     * @param key       the key.
     * @param otherwise the default.
     * @param min       the least allowed.
     * @param max       the most allowed.
     * @return its whole number.
     */
    long integer(String key, long otherwise, long min, long max);

    /**
     * @param key       the key.
     * @param otherwise the default.
     * @return its number from 0 to 1.
     */
    double fraction(String key, double otherwise);

    /**
     * @param key       the key.
     * @param otherwise the default.
     * @return its true or false.
     */
    boolean bool(String key, boolean otherwise);

    /**
     * Reports a problem a factory found itself (a value each key allows but the two together do not).
     *
     * @param key     the key it is about.
     * @param message what is wrong and what was expected.
     */
    void problem(String key, String message);
}
