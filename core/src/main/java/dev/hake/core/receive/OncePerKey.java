package dev.hake.core.receive;

import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers the keys it has seen, the newest {@code capacity} of them, so that something is done once per key. */
public final class OncePerKey {

    private final Map<String, Boolean> seen;

    public OncePerKey(int capacity) {
        this.seen = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code key} is given (or once it has been forgotten). */
    public synchronized boolean firstTime(String key) {
        return seen.put(key, Boolean.TRUE) == null;
    }
}
