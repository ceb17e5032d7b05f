package com.globeco.trading.read;

import com.globeco.trading.read.allocation.AccountingDispatch;
import com.globeco.trading.read.allocation.BookedExecutions;
import com.globeco.trading.read.allocation.ExecutionBatch;
import com.globeco.trading.read.allocation.ExecutionRoutes;
import com.globeco.trading.read.allocation.ExecutionRows;
import com.globeco.trading.read.allocation.PostGate;
import com.globeco.trading.read.allocation.PostRoutes;
import com.globeco.trading.read.allocation.PostedExecutionsTopic;
import com.globeco.trading.read.http.BodyLimit;
import com.globeco.trading.read.audit.AuditRoutes;
import com.globeco.trading.read.http.Errors;
import com.globeco.trading.read.positions.PositionHistories;
import com.globeco.trading.read.positions.PositionRoutes;
import com.globeco.trading.read.positions.PositionRows;
import com.globeco.trading.read.http.Health;
import com.globeco.trading.read.http.JettyErrors;
import com.globeco.trading.read.http.Json;
import com.globeco.trading.read.http.Metrics;
import com.globeco.trading.read.http.Route;
import com.globeco.trading.read.http.Routes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read service: seed 001's Allocation API over the Allocation Service's database (read as the read-only role;
 * posted executions go to the allocation job's topic, /send to the Portfolio Accounting dispatcher), the positions API,
 * health, metrics and its OpenAPI document. A plain JVM process; no Flink.
 */
public final class ReadService {
    public static final String OPENAPI_PATH = "/openapi";
    public static final String TITLE = "GlobeCo read service";
    public static final String API_VERSION = "1.0.0";
    /** Seed 001 posts up to 100 executions; a body above this is refused with 413 before it is read. */
    static final long MAX_REQUEST_BYTES = 1L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ReadService.class);

    private ReadService() {}

    public static void main(String[] args) {
        Running running = start(ReadSettings.from(System.getenv(), args), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "read-service-stop"));
        LOG.info("read service listening on port {}", running.port());
    }

    /** Starts the service on the settings' port (0: any free port) and answers once it listens. */
    public static Running start(ReadSettings settings, Clock clock) {
        PrometheusMeterRegistry registry = registry();
        Databases databases = Databases.open(settings, registry);
        Optional<PostedExecutionsTopic> topic = Optional.empty();
        try {
            topic = PostedExecutionsTopic.connect(settings.posting());
            Errors errors = new Errors(clock);
            Metrics metrics = new Metrics(registry);
            PostRoutes posts = new PostRoutes(batches(settings.posting(), databases, topic), new AccountingDispatch(settings.dispatcher()));
            Routes routes = new Routes(table(databases, errors, metrics, posts));
            Javalin app = Javalin.create(config -> configure(config, clock));
            errors.register(app);
            new BodyLimit(MAX_REQUEST_BYTES).register(app);
            metrics.timeRequests(app);
            routes.register(app);
            app.start(settings.port());
            List<AutoCloseable> resources = new ArrayList<>();
            topic.ifPresent(resources::add);
            resources.add(databases);
            return new Running(app, routes, resources);
        } catch (RuntimeException e) {
            topic.ifPresent(PostedExecutionsTopic::close);
            databases.close();
            throw e;
        }
    }

    private static Optional<ExecutionBatch> batches(PostSettings posting, Databases databases, Optional<PostedExecutionsTopic> topic) {
        return topic.map(kafka -> new ExecutionBatch(new PostGate(posting.businessZone()), new BookedExecutions(databases.allocation()), kafka));
    }

    private static List<Route> table(Databases databases, Errors errors, Metrics metrics, PostRoutes posts) {
        Health health = new Health(databases.byName(), errors);
        List<Route> table = new ArrayList<>(List.of(
                Route.get("/healthz", health::live),
                Route.get("/readyz", health::ready),
                Route.get("/metrics", metrics::scrape)));
        table.addAll(new ExecutionRoutes(new ExecutionRows(databases.allocation())).routes());
        table.addAll(posts.routes());
        table.addAll(new AuditRoutes(databases.positions()).routes());
        table.addAll(new PositionRoutes(new PositionRows(databases.positions()), new PositionHistories(databases.positions())).routes());
        return table;
    }

    private static void configure(JavalinConfig config, Clock clock) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.http.prefer405over404 = true;
        JettyErrors jettyErrors = new JettyErrors(clock);
        config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        config.registerPlugin(new OpenApiPlugin(openApi -> openApi
                .withDocumentationPath(OPENAPI_PATH)
                .withDefinitionConfiguration((version, definition) -> definition
                        .withInfo(info -> info.title(TITLE).version(API_VERSION)))));
    }

    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }
}
