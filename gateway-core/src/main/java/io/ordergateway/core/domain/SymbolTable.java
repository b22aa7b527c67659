package io.ordergateway.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbols interned to small ints, fixed when the gateway is built. The hot path carries the int;
 * the name (and its ASCII bytes for encoders) is looked up by id without allocation.
 * Immutable once built, so any thread may read it.
 */
public final class SymbolTable
{
    /** The longest symbol the journal can hold. */
    public static final int MAX_SYMBOL_LENGTH = 16;
    /** The id of no symbol. */
    public static final int UNKNOWN = -1;

    private final String[] names;
    private final byte[][] ascii;
    private final Map<String, Integer> ids;

    /**
     * @param symbols the symbols, in id order (id 0 first); each 1 to 16 printable ASCII characters, no duplicates.
     * @throws IllegalArgumentException naming the bad symbol.
     */
    public SymbolTable(final List<String> symbols)
    {
        names = symbols.toArray(new String[0]);
        ascii = new byte[names.length][];
        final Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.length; i++)
        {
            final String name = names[i];
            if (name == null || name.isEmpty() || name.length() > MAX_SYMBOL_LENGTH)
            {
                throw new IllegalArgumentException("symbol #" + i + " '" + name + "' must be 1 to " + MAX_SYMBOL_LENGTH
                    + " characters");
            }
            for (int c = 0; c < name.length(); c++)
            {
                if (name.charAt(c) <= ' ' || name.charAt(c) > '~')
                {
                    throw new IllegalArgumentException("symbol '" + name
                        + "' has a character that is not printable ASCII");
                }
            }
            if (map.put(name, i) != null)
            {
                throw new IllegalArgumentException("symbol '" + name + "' is listed twice");
            }
            ascii[i] = name.getBytes(StandardCharsets.US_ASCII);
        }
        ids = Collections.unmodifiableMap(map);
    }

    /**
     * @param name a symbol.
     * @return its id, or {@link #UNKNOWN}.
     */
    public int id(final String name)
    {
        final Integer id = ids.get(name);
        return id == null ? UNKNOWN : id;
    }

    /**
     * @param id a symbol id.
     * @return true when the id belongs to a symbol of this table.
     */
    public boolean contains(final int id)
    {
        return id >= 0 && id < names.length;
    }

    /**
     * @param id a valid symbol id.
     * @return the symbol's name.
     */
    public String name(final int id)
    {
        return names[id];
    }

    /**
     * @param id a valid symbol id.
     * @return the symbol's ASCII bytes (shared: do not change).
     */
    public byte[] ascii(final int id)
    {
        return ascii[id];
    }

    /**
     * @return how many symbols there are; ids run from 0 to size - 1.
     */
    public int size()
    {
        return names.length;
    }

    /**
     * @return the symbols in id order.
     */
    public List<String> names()
    {
        final List<String> list = new ArrayList<>(names.length);
        Collections.addAll(list, names);
        return list;
    }
}
