package ganinv.serve;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Server-sent events for refinements: "progress" (done, total) when it changes, a comment line
 * as heartbeat every {@value #HEARTBEAT_MS} ms, then one "result" or "failed" with the job's final
 * state. Every watcher is an async request (no thread held while it waits); one scheduler thread
 * writes to all of them every 100 ms, and at most {@code cap} watch at once (503 beyond).
 */
final class RefineEvents implements AutoCloseable {
    static final long HEARTBEAT_MS = 5_000;

    private final int cap;
    private final Function<RefineJobs.Job, Map<String, Object>> state;
    private final Map<SseClient, Watch> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ganinv-events");
        t.setDaemon(true);
        return t;
    });

    private static final class Watch {
        final RefineJobs.Job job;
        long sentDone = -1;
        long lastWrite = System.nanoTime();

        Watch(RefineJobs.Job job) {
            this.job = job;
        }
    }

    RefineEvents(int cap, Function<RefineJobs.Job, Map<String, Object>> state) {
        this.cap = cap;
        this.state = state;
        ticker.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts streaming {@code job} to this request; 503 when {@code cap} watchers are already open. */
    void watch(Context ctx, RefineJobs.Job job) throws Exception {
        if (watchers.size() >= cap) {
            throw new HttpError(503, "events: " + cap + " watchers already open; poll GET /api/refine/" + job.id + " instead");
        }
        // What Javalin's SseHandler does, without its demand for "Accept: text/event-stream": curl
        // and scripts watch too.
        jakarta.servlet.http.HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        SseClient client = new SseClient(ctx);
        client.keepAlive();                                   // async: once this returns, the request holds no thread
        client.onClose(() -> watchers.remove(client));
        watchers.put(client, new Watch(job));
    }

    /** Open watchers, for tests. */
    int open() {
        return watchers.size();
    }

    private void tick() {
        long now = System.nanoTime();
        for (Map.Entry<SseClient, Watch> e : watchers.entrySet()) {
            SseClient client = e.getKey();
            Watch w = e.getValue();
            try {
                if (client.terminated()) {
                    watchers.remove(client);
                } else if (w.job.ended()) {
                    client.sendEvent(w.job.result != null ? "result" : "failed", state.apply(w.job));
                    watchers.remove(client);
                    client.close();
                } else if (w.job.done != w.sentDone) {
                    w.sentDone = w.job.done;
                    client.sendEvent("progress", Map.of("done", w.job.done, "total", w.job.total));
                    w.lastWrite = now;
                } else if (now - w.lastWrite > TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS)) {
                    client.sendComment("heartbeat");
                    w.lastWrite = now;
                }
            } catch (RuntimeException ex) {
                watchers.remove(client);                      // the page went away; the job goes on without it
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        watchers.keySet().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
        watchers.clear();
    }
}
