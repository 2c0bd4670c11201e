package ganinv.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.api.ElementRanking;
import ganinv.api.GanRun;
import ganinv.api.InvertSettings;
import ganinv.api.NpyFiles;
import ganinv.api.Quality;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ganinv serve}: one page and a JSON API over a trained run, a client of ganinv's public
 * API. Encoder passes and renders share one open run (concurrently, at most {@code renderers} at
 * once); hybrid refinements run one at a time on a second copy of the run, so a refinement never
 * holds up a render.
 */
public final class GanServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CODES = 64;
    private static final int MAX_WATCHERS = 64;
    private static final int MAX_EXAMPLES = 24;

    private final ServeOptions options;
    private final GanRun run;
    private final RefineJobs refine;
    private final RefineEvents events;
    private final Uploads uploads;
    private final Posture posture;
    private final Turns models;
    private final Map<String, float[]> directions = new LinkedHashMap<>();
    private final Map<String, Path> examples = new LinkedHashMap<>();
    private final Map<String, Object> info;
    private final Javalin app;

    public GanServer(ServeOptions options) {
        this.options = options;
        this.run = GanRun.open(options.run(), null, options.device(), options.encoder());
        GanRun refiner = null;
        try {
            refiner = GanRun.open(options.run(), null, options.device(), options.encoder());
            this.refine = new RefineJobs(refiner, options.refineSteps());
            this.models = new Turns(options.renderers(), "too many requests at once");
            this.uploads = new Uploads(options.maxUpload(), options.maxPixels(), options.renderers());
            this.posture = new Posture(options.host());
            loadDirections();
            loadExamples();
            this.info = describe();
            this.events = new RefineEvents(MAX_WATCHERS, GanServer::state);      // its thread starts last: nothing after can fail
            this.app = routes(Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/ganinv-page";            // apart from the classes: only the page is served
                    sf.location = Location.CLASSPATH;
                });
                config.jetty.multipartConfig.maxFileSize(options.maxUpload(), SizeUnit.BYTES);
                config.jetty.multipartConfig.maxTotalRequestSize(options.maxUpload() + 64 * 1024, SizeUnit.BYTES);
            }));
        } catch (RuntimeException e) {
            run.close();
            if (refiner != null) {
                refiner.close();
            }
            throw e;
        }
    }

    /** Starts listening; returns the port (the one chosen when options asked for 0). */
    public int start() {
        app.start(options.host(), options.port());
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        events.close();
        refine.close();                                       // closes the refiner's copy of the run
        run.close();
    }

    /** For tests and diagnostics: the quick run's engine arrays (constant when nothing leaks). */
    public int engineArrays() {
        return run.engineArrays();
    }

    /** For tests: event streams open now. */
    int openWatchers() {
        return events.open();
    }

    private Javalin routes(Javalin a) {
        a.before(posture::check);
        a.get("/api/run", ctx -> ctx.json(info));
        a.get("/api/examples/{name}", this::example);
        a.post("/api/invert", ctx -> ctx.json(invert(upload(ctx))));
        a.post("/api/render", ctx -> {
            float[] code = Codes.of(body(ctx).get("code"), "code", run.latentDim());
            ctx.contentType("image/png").result(Images.png(model(() -> run.render(new float[][] {code}).get(0))));
        });
        a.post("/api/interpolate", this::interpolate);
        a.post("/api/sample", this::sample);
        a.post("/api/refine", ctx -> ctx.json(Map.of("job", refine.start(upload(ctx)).id)));
        a.get("/api/refine/{id}", ctx -> ctx.json(state(refine.get(ctx.pathParam("id")))));
        a.delete("/api/refine/{id}", ctx -> {
            RefineJobs.Job job = refine.get(ctx.pathParam("id"));
            job.cancelled = true;
            ctx.json(state(job));
        });
        a.get("/api/refine/{id}/events", ctx -> events.watch(ctx, refine.get(ctx.pathParam("id"))));
        a.exception(HttpError.class, (e, ctx) -> ctx.status(e.status).json(Map.of("error", e.getMessage())));
        a.exception(Exception.class, (e, ctx) -> {
            System.err.println("ganinv serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
            ctx.status(500).json(Map.of("error", "internal error; the server log has the details"));
        });
        return a;
    }

    private Map<String, Object> invert(BufferedImage image) {
        return model(() -> {
            float[][] code = run.invert(List.of(image), InvertSettings.encoder());
            BufferedImage seen = run.fit(image);
            BufferedImage drawn = run.render(code).get(0);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("code", code[0]);
            out.put("input", Images.dataUrl(seen));
            out.put("image", Images.dataUrl(drawn));
            out.put("psnr", Quality.psnr(seen, drawn));
            out.put("ssim", Quality.ssim(seen, drawn));
            return out;
        });
    }

    private void interpolate(Context ctx) {
        JsonNode body = body(ctx);
        float[] a = Codes.of(body.get("a"), "a", run.latentDim());
        float[] b = Codes.of(body.get("b"), "b", run.latentDim());
        int frames = body.path("frames").asInt(8);
        if (frames < 2 || frames > MAX_CODES) {
            throw HttpError.badRequest("frames " + frames + ": must be 2.." + MAX_CODES);
        }
        float[][] path = ganinv.api.Edits.interpolate(a, b, frames, body.path("slerp").asBoolean(false));
        ctx.json(Map.of("codes", path, "images", Images.dataUrls(model(() -> run.render(path)))));
    }

    private void sample(Context ctx) {
        JsonNode body = body(ctx);
        int count = body.path("count").asInt(8);
        if (count < 1 || count > MAX_CODES) {
            throw HttpError.badRequest("count " + count + ": must be 1.." + MAX_CODES);
        }
        float[][] codes = run.sampleCodes(count, body.path("seed").asLong(System.nanoTime()));
        ctx.json(Map.of("codes", codes, "images", Images.dataUrls(model(() -> run.render(codes)))));
    }

    private void example(Context ctx) throws IOException {
        Path file = examples.get(ctx.pathParam("name"));       // only names the server listed: no path from the client
        if (file == null) {
            throw new HttpError(404, "example " + ctx.pathParam("name") + ": not one of this run's held-out images");
        }
        ctx.contentType("image/png").result(Files.readAllBytes(file));
    }

    private BufferedImage upload(Context ctx) {
        return uploads.image(ctx);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw HttpError.badRequest("body: expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("body: not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A model call, at most {@code renderers} at once; a request waits its turn up to 30 s, then gets 503. */
    private <T> T model(Supplier<T> call) {
        models.acquire();
        try {
            return call.get();
        } catch (ganinv.api.types.BadInputException e) {
            throw HttpError.badRequest(e.getMessage());
        } finally {
            models.release();
        }
    }

    private static Map<String, Object> state(RefineJobs.Job job) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("job", job.id);
        s.put("done", job.done);
        s.put("total", job.total);
        s.put("state", job.result != null ? "done" : job.error != null ? (job.error.equals("cancelled") ? "cancelled" : "failed") : "running");
        if (job.result != null) {
            s.putAll(job.result);
        }
        if (job.error != null) {
            s.put("error", job.error);
        }
        return s;
    }

    private Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", options.run().toString());
        m.put("method", run.method().toString());
        m.put("architecture", run.architecture().toString());
        m.put("step", run.step());
        m.put("latent_dim", run.latentDim());
        m.put("resolution", run.resolution());
        m.put("channels", run.channels());
        m.put("generator", run.generator().toString());
        m.put("encoder", run.encoder() == null ? null : run.encoder().toString());
        ElementRanking ranking = run.rankElements(0);
        List<Map<String, Object>> elements = new ArrayList<>();
        for (int e : ranking.top(options.sliders())) {
            elements.add(Map.of("element", e, "score", ranking.scores()[e]));
        }
        m.put("ranked_by", ranking.rankedBy());
        m.put("elements", elements);
        m.put("directions", directions);
        m.put("examples", List.copyOf(examples.keySet()));
        Path evaluation = options.run().resolve("evaluate.json");
        if (Files.isRegularFile(evaluation)) {
            try {
                m.put("evaluation", JSON.readTree(evaluation.toFile()));
            } catch (IOException e) {
                m.put("evaluation", "unreadable: " + e.getMessage());
            }
        }
        return m;
    }

    private void loadDirections() {
        if (options.directions() == null) {
            return;
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(options.directions())) {
            found = files.filter(p -> p.toString().endsWith(".npy")).sorted().toList();
        } catch (IOException e) {
            throw ganinv.api.FileAccessException.of("cannot list --directions " + options.directions(), e);
        }
        for (Path f : found) {
            float[][] rows;
            try {
                rows = NpyFiles.read(f);
            } catch (ganinv.api.types.BadInputException e) {
                throw new ganinv.api.types.BadInputException("--directions: " + e.getMessage(), e);
            }
            if (rows.length != 1 || rows[0].length != run.latentDim()) {
                throw new ganinv.api.types.BadInputException("--directions " + f + ": a direction is 1 x " + run.latentDim()
                        + " (from 'ganinv direction' on this run), this file is " + rows.length + " x " + rows[0].length, null);
            }
            directions.put(f.getFileName().toString().replaceAll("\\.npy$", ""), rows[0]);
        }
    }

    /**
     * The demo's held-out images when the run folder has them, taken in turn from each class (the
     * name before the last '-' or '_', e.g. "circle-00.png") so that the strip spans the run's
     * classes instead of showing the first class in file order.
     */
    private void loadExamples() {
        Path folder = options.run().resolve("held-out");
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw ganinv.api.FileAccessException.of("cannot list " + folder, e);
        }
        Map<String, java.util.ArrayDeque<Path>> byClass = new LinkedHashMap<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            int cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf('_'));
            byClass.computeIfAbsent(cut > 0 ? name.substring(0, cut) : "", k -> new java.util.ArrayDeque<>()).add(p);
        }
        while (examples.size() < MAX_EXAMPLES && byClass.values().stream().anyMatch(q -> !q.isEmpty())) {
            for (java.util.ArrayDeque<Path> q : byClass.values()) {
                if (!q.isEmpty() && examples.size() < MAX_EXAMPLES) {
                    Path p = q.poll();
                    examples.put(p.getFileName().toString(), p);
                }
            }
        }
    }
}
