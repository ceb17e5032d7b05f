package com.globeco.trading.local;

import java.util.Map;
import java.util.Optional;

/** Where the platform's jobs run: a MiniCluster in this JVM ({@link LocalCluster}) or a cluster of processes ({@link ProcessCluster}). */
interface JobHost extends AutoCloseable {

    /** Starts the job, from {@code savepoint} when there is one; state no operator claims is refused, as in an upgrade. */
    void submit(PlatformJob job, Optional<String> savepoint) throws Exception;

    /** Stops every job with a savepoint each commits its work to first; the savepoints by job name. */
    Map<String, String> stopWithSavepoints(LocalSavepoints savepoints);

    /** Where to watch it: the web UI and the metrics. */
    String endpoints();

    /** The jobs' metrics, wherever their processes serve them. */
    PrometheusScrape metrics();
}
