package dev.hake.bench.client;

import dev.hake.bench.Admin;
import dev.hake.bench.backend.Backend;
import java.net.URI;

/**
 * What a client needs to open a trial.
 *
 * @param endpoint where the client sends its requests: the counting proxy
 * @param prefix   unique to the trial; everything named with it is deleted afterwards
 */
public record TrialSetup(URI endpoint, Backend backend, String prefix, Admin admin) {
}
