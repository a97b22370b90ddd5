package dev.hake.jms;

import dev.hake.core.CoreThreads;
import dev.hake.core.HakeCore;
import dev.hake.core.observe.Observer;
import dev.hake.core.HakeSettings;

/**
 * How a connection gets its core. Connections of an application open one on AWS as the settings
 * say; the unit tests open one on an in-memory double of SNS and SQS, so that JMS semantics are
 * tested on the real core with no HTTP.
 */
@FunctionalInterface
interface CoreOpener {

    /** On AWS, or the endpoint or embedded backend the settings name. */
    CoreOpener FROM_SETTINGS = HakeCore::open;

    /** Opens a core on {@code threads}, which it stops when it closes or fails to open. */
    HakeCore open(HakeSettings settings, String user, String password, CoreThreads threads);

    /** As {@link #FROM_SETTINGS}, telling {@code observer} of the core's work (metrics, traces). */
    static CoreOpener observed(Observer observer) {
        return (settings, user, password, threads) -> HakeCore.open(settings, user, password, threads, observer);
    }
}
