package dev.hake.camel;

import dev.hake.core.HakeSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link HakeServices} of a component, one per distinct settings, counted by the endpoints
 * that use them: endpoints that only inherit the component's options share one set of AWS clients,
 * and the last endpoint to stop closes it.
 */
final class SharedServices {

    private final Function<HakeSettings, HakeServices> factory;
    private final Map<List<Object>, Entry> open = new HashMap<>();

    private static final class Entry {
        final HakeServices services;
        int users;

        Entry(HakeServices services) {
            this.services = services;
        }
    }

    SharedServices(Function<HakeSettings, HakeServices> factory) {
        this.factory = factory;
    }

    synchronized HakeServices acquire(HakeSettings settings) {
        Entry entry = open.computeIfAbsent(key(settings), k -> new Entry(factory.apply(settings)));
        entry.users++;
        return entry.services;
    }

    synchronized void release(HakeServices services) {
        open.entrySet().removeIf(e -> {
            if (e.getValue().services != services || --e.getValue().users > 0) {
                return false;
            }
            services.close();
            return true;
        });
    }

    synchronized void closeAll() {
        open.values().forEach(e -> e.services.close());
        open.clear();
    }

    /** HakeSettings has no equals: settings are the same when every value is. */
    private static List<Object> key(HakeSettings s) {
        return Arrays.asList(s.region().orElse(null), s.endpoint().orElse(null), s.embedded(), s.prefix(),
                s.clientId().orElse(null), s.createDestinations(), s.accessKeyId().orElse(null),
                s.secretAccessKey().orElse(null), s.sessionToken().orElse(null), s.receiveBatchSize(),
                s.receiveWaitSeconds(), s.visibilityTimeoutSeconds(), s.trustedPackages());
    }
}
