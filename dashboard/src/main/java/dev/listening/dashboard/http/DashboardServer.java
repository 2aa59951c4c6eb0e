package dev.listening.dashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.listening.contract.UserError;
import dev.listening.dashboard.live.KafkaSampler;
import dev.listening.dashboard.live.LiveSampler;
import dev.listening.dashboard.live.Timeline;
import dev.listening.dashboard.store.StoreWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webjars.WebJarVersionLocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard's HTTP side, on the JDK's server: the page and its scripts from the jar, uPlot from
 * its WebJar, and three JSON endpoints that read what the watchers last saw (only the listener
 * page's queries call Cassandra, with the driver's request timeout). A handler that fails answers
 * 500 with the message; the server goes on.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String WEB = "dev/listening/dashboard/web/";
    private static final String UPLOT = "uplot";
    private static final int THREADS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Path to (classpath resource, content type) of every file the page loads. */
    private static final Map<String, Resource> FILES = Map.of(
            "/", new Resource(WEB + "index.html", "text/html; charset=utf-8"),
            "/listener", new Resource(WEB + "listener.html", "text/html; charset=utf-8"),
            "/dashboard.css", new Resource(WEB + "dashboard.css", "text/css; charset=utf-8"),
            "/dashboard.js", new Resource(WEB + "dashboard.js", "text/javascript; charset=utf-8"),
            "/listener.js", new Resource(WEB + "listener.js", "text/javascript; charset=utf-8"),
            "/vendor/uPlot.iife.min.js", new Resource(webjar("dist/uPlot.iife.min.js"), "text/javascript; charset=utf-8"),
            "/vendor/uPlot.min.css", new Resource(webjar("dist/uPlot.min.css"), "text/css; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService handlers;

    public DashboardServer(String address, int port, KafkaSampler kafka, LiveSampler live, Timeline timeline, StoreWatch store,
                           Clock clock)
            throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
        this.handlers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "dashboard-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/api/live", exchange -> json(exchange, () -> Api.live(clock.instant(),
                List.of(kafka.state(), live.state(), store.state()), kafka.reading(), live.totals(), timeline.samples(),
                kafka.plays())));
        server.createContext("/api/hour", exchange -> json(exchange, () -> Api.hour(store.state(), store.hour())));
        server.createContext("/api/listener", exchange -> json(exchange, () -> {
            Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
            return store.listener(query.get("name"), query.get("date"), query.get("hour"));
        }));
        server.createContext("/", this::file);
    }

    public void start() {
        server.start();
    }

    /** The address the page is served at, e.g. http://127.0.0.1:8088/ (the port the system chose for port 0). */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
    }

    private static String webjar(String file) {
        return new WebJarVersionLocator().fullPath(UPLOT, file);
    }

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            Resource resource = FILES.get(exchange.getRequestURI().getPath());
            if (resource == null || !"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource.path())) {
                if (in == null) {
                    throw new IllegalStateException(resource.path() + " is missing from the classpath");
                }
                send(exchange, 200, resource.contentType(), in.readAllBytes());
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed", exchange.getRequestURI(), e);
        }
    }

    private static void json(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            int status = 200;
            Object document;
            try {
                document = handler.handle();
            } catch (UserError e) {
                status = 400;
                document = Api.error(e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("{} failed", exchange.getRequestURI(), e);
                status = 500;
                document = Api.error(e.toString());
            }
            send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(document));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private record Resource(String path, String contentType) {
    }

    @FunctionalInterface
    private interface Handler {
        Object handle();
    }
}
