package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.api.types.Architecture;
import ganinv.api.types.BadInputException;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.Method;
import ganinv.api.EvaluationSettings;
import ganinv.api.FileAccessException;
import ganinv.api.GanRun;
import ganinv.api.types.EncoderChoice;
import ganinv.api.JsonFiles;
import ganinv.api.Training;
import ganinv.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv compare}: every method on the same data, budget and seed, measured alike. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train every configuration on the same data with the same steps and seed, evaluate each, and "
                + "write comparison.json, comparison.md (one row per configuration) and comparison.html (the table "
                + "and the training curves overlaid per metric). Resumable: run it again to pick up where it "
                + "stopped.",
        footer = {"", "Configurations: " + "latent-regression, bigan, gan+fit-encoder, dlsgan-dls-dg, dlsgan-dls-d, dlsgan-nodls-dg, dlsgan-nodls-d",
                "", "Example:", "  ./ganinv compare --data shapes --steps 3000 --out runs/compare",
                "  ./ganinv compare --data shapes --steps 500 --methods latent-regression,dlsgan-dls-dg --out runs/quick"})
public final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @picocli.CommandLine.Mixin
    DeviceOption on;

    /** Each configuration's train flags; gan+fit-encoder also fits an encoder for the same steps. */
    static final Map<String, List<String>> CONFIGURATIONS = configurations();

    @Option(names = "--data", defaultValue = "shapes", description = "Training data, as for train. Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--steps", required = true, description = "Training steps for every configuration (and fitting steps for gan).")
    int steps;

    @Option(names = "--out", required = true, description = "Folder for one run per configuration and the comparison files.")
    Path out;

    @Option(names = "--methods", split = ",", description = "Configurations to run (default: all, listed below).")
    List<String> methods;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every run. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--eval-count", defaultValue = "500", description = "Images per evaluation: shapes drawn with the held-out seed 1000003; a larger folder, IDX or CIFAR-10 source gives that many drawn at random with the same seed. Default: ${DEFAULT-VALUE}.")
    int evalCount;

    @Option(names = "--arch", split = ",",
            description = "Network families to run every configuration on, e.g. dcgan-up,stylegan2: one row per"
                    + " configuration and family, named configuration@family when there are several. Default: ${DEFAULT-VALUE}.")
    List<String> archs;

    @Option(names = "--train-args", split = " ",
            description = "Extra train flags for every run, quoted, e.g. \"--resolution 16 --width 16 --batch 8\".")
    List<String> trainArgs;

    private static Map<String, List<String>> configurations() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        String dls = Method.DLSGAN.toString();
        String dOnly = EncoderLossOn.D.toString();
        c.put(Method.LATENT_REGRESSION.toString(), List.of("--method", Method.LATENT_REGRESSION.toString()));
        c.put(Method.BIGAN.toString(), List.of("--method", Method.BIGAN.toString()));
        c.put(Method.GAN + "+fit-encoder", List.of("--method", Method.GAN.toString()));
        c.put(dls + "-dls-dg", List.of("--method", dls));
        c.put(dls + "-dls-d", List.of("--method", dls, "--encoder-loss-on", dOnly));
        c.put(dls + "-nodls-dg", List.of("--method", dls, "--no-dls"));
        c.put(dls + "-nodls-d", List.of("--method", dls, "--no-dls", "--encoder-loss-on", dOnly));
        return c;
    }

    @Option(names = "--inception", description = "NVIDIA's TorchScript inception-2015-12-05.pt for real FID/KID. Default: the fallback features.")
    Path inception;

    @Option(names = "--classifier", description = "A 'ganinv train-classifier' file: fid/kid over its features and the class"
            + " figures (classes_covered, class_kl, class_kept_encoder). Default: none.")
    Path classifier;

    @Option(names = "--hybrid", defaultValue = "0", paramLabel = "N",
            description = "Also invert the first N held-out images by hybrid (psnr_hybrid, class_kept_hybrid). Default: ${DEFAULT-VALUE}.")
    int hybrid;

    @Override
    public Integer call() {
        List<String> chosen = methods == null ? List.copyOf(CONFIGURATIONS.keySet()) : methods;
        for (String m : chosen) {
            if (!CONFIGURATIONS.containsKey(m)) {
                throw new BadInputException("--methods " + m + ": unknown; choose from " + String.join(", ", CONFIGURATIONS.keySet()), null);
            }
        }
        if (steps < 1) {
            throw new BadInputException("--steps " + steps + ": must be at least 1", null);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Path> runs = new LinkedHashMap<>();
        int k = 0;
        for (Architecture arch : archs.stream().map(Architecture::parse).toList()) {
            for (String name : chosen) {
                k++;
                // One family keeps the folders and row names of before --arch existed.
                String row = archs.size() == 1 ? name : name + "@" + arch.toString();
                Path run = archs.size() == 1 ? out.resolve(name) : out.resolve(arch.toString()).resolve(name);
                System.out.println("[" + k + "/" + chosen.size() * archs.size() + "] " + row);
                int code = trainAndFit(name, arch, run);
                if (code != 0) {
                    return code;
                }
                rows.add(evaluate(name, row, run));
                runs.put(row, run);
            }
        }
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("arch", archs);
        head.put("data", data);
        head.put("steps", steps);
        head.put("seed", seed);
        head.put("features", rows.isEmpty() ? "" : rows.get(0).get("features"));
        Comparison.write(out, head, rows, runs);
        System.out.println("comparison (fid/kid over " + head.get("features") + "): " + out.resolve("comparison.md") + "  "
                + out.resolve("comparison.html"));
        return 0;
    }

    /** Trains (or resumes) the run to --steps, fits gan's encoder likewise, and adds the seconds spent to compare.json. */
    private int trainAndFit(String name, Architecture arch, Path run) {
        long t0 = System.nanoTime();
        int code = 0;
        long at = Training.newestStep(run);
        if (at < steps) {
            List<String> args = new ArrayList<>(List.of("train", "--data", data, "--out", run.toString(),
                    "--steps", Integer.toString(steps), "--seed", Long.toString(seed)));
            if (at > 0) {
                args = new ArrayList<>(List.of("train", "--out", run.toString(), "--resume", "--steps", Integer.toString(steps)));
            } else {
                args.addAll(CONFIGURATIONS.get(name));
                List<String> extra = trainArgs == null ? List.of() : trainArgs;
                if (extra.stream().anyMatch(a -> a.equals("--arch") || a.startsWith("--arch="))) {
                    throw new BadInputException("--train-args: holds --arch; give it as compare's own --arch", null);
                }
                args.addAll(List.of("--arch", arch.toString()));
                // compare's own logging cadence, unless --train-args sets it (a flag given twice is refused)
                for (String[] flag : new String[][] {{"--log-every", "50"}, {"--sample-every", "1000"}, {"--checkpoint-every", "500"}}) {
                    if (extra.stream().noneMatch(a -> a.equals(flag[0]) || a.startsWith(flag[0] + "="))) {
                        args.addAll(List.of(flag));
                    }
                }
                args.addAll(extra);
                if (Files.exists(run.resolve("config.json"))) {
                    args.add("--force");            // a run folder with no checkpoint yet: nothing to lose
                }
            }
            args.addAll(List.of("--device", on.device));
            code = Main.run(args.toArray(String[]::new));
        }
        if (code == 0 && name.equals("gan+fit-encoder")) {
            long fitted = Training.newestStep(run.resolve("encoder"));
            Path fitConfig = run.resolve("encoder/config.json");
            if (fitted > 0 && Files.exists(fitConfig)
                    && readJson(fitConfig).path("config").path("generatorStep").asLong() != steps) {
                fitted = 0;                         // fitted to an older G: fit anew to the one just trained
            }
            if (fitted < steps) {
                code = Main.run(fitted > 0
                        ? new String[] {"fit-encoder", "--run", run.toString(), "--resume", "--steps", Integer.toString(steps),
                                "--device", on.device}
                        : new String[] {"fit-encoder", "--run", run.toString(), "--steps", Integer.toString(steps), "--force",
                                "--pairs-only", "--seed", Long.toString(seed), "--device", on.device});   // the seeds' method
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path book = run.resolve("compare.json");
        double before = Files.exists(book) ? readJson(book).path("seconds").asDouble() : 0;
        if (code == 0) {
            JsonFiles.write(book, Map.of("seconds", before + seconds));
        }
        return code;
    }

    /** The run's evaluation, reused when it was made at the same step (and holds every probe figure of this version). */
    private Map<String, Object> evaluate(String name, String rowName, Path run) {
        Path file = run.resolve("evaluate.json");
        // Each row is its method's own encoder: a fit left in a row's folder must not stand in for it.
        EncoderChoice encoder = name.equals("gan+fit-encoder") ? EncoderChoice.FITTED : EncoderChoice.TRAINED;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("configuration", rowName);
        if (Files.exists(file) && readJson(file).path("step").asLong() == steps && readJson(file).path("count").asInt() > 0
                && (!name.equals("gan+fit-encoder") || readJson(file).has("encoder_loss"))
                && (!readJson(file).has("probe_accuracy") || readJson(file).has("probe_1nn_accuracy"))
                && readJson(file).path("classifier").asText("").equals(classifier == null ? "" : classifier.toString())
                && readJson(file).path("hybrid_count").asInt(0) == hybrid
                && readJson(file).path("encoder").asText("").equals(encoder.toString())) {
            row.putAll(MAPPER.convertValue(readJson(file), Map.class));
        } else {
            try (GanRun gan = GanRun.open(run, null, on.device, encoder)) {
                Map<String, Object> values = gan.evaluate(data, new EvaluationSettings(evalCount,
                        EvaluationSettings.DEFAULT_SEED, inception, classifier, hybrid)).json();
                JsonFiles.write(file, values);
                row.putAll(values);
            }
        }
        row.put("configuration", rowName);
        row.put("seconds", readJson(run.resolve("compare.json")).path("seconds").asDouble());
        return row;
    }

    private static JsonNode readJson(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw FileAccessException.of("cannot read " + file, e);
        }
    }
}
