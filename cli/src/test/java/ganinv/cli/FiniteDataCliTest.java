package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ganinv.data.ImageCodec;
import ganinv.data.ShapesDataset;
import ganinv.data.Subset;
import ganinv.train.RunDir;
import ganinv.train.TrainConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands on a class-sorted image folder cut with --count: every one reads a seeded random
 * sample of it, and the probes say how many classes they saw and what chance is.
 */
class FiniteDataCliTest {
    private static final String[] TINY = {"--resolution", "16", "--width", "8", "--latent-dim", "8", "--batch", "4",
            "--log-every", "5", "--sample-every", "100", "--checkpoint-every", "100"};

    @TempDir
    Path tmp;

    private Console console;
    private Path folder;

    /** 90 shapes sorted into circle/, square/ and triangle/: 30 each, so the first 30 are all circles. */
    @BeforeEach
    void classSortedFolder() {
        console = new Console();
        folder = tmp.resolve("shapes-folder");
        ShapesDataset shapes = new ShapesDataset(11, 400, 16, 3);
        int[] written = new int[3];
        for (int i = 0; i < 400 && (written[0] < 30 || written[1] < 30 || written[2] < 30); i++) {
            int c = shapes.label(i);
            if (written[c] < 30) {
                ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, folder.resolve(ShapesDataset.CLASSES.get(c))
                        .resolve(String.format("%03d.png", written[c]++)));
            }
        }
    }

    @AfterEach
    void restore() {
        console.close();
    }

    private static String[] train(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("train"));
        all.addAll(Console.withDefaults(TINY, args));
        return all.toArray(String[]::new);
    }

    private JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void trainEvaluateReportAndCompareUseARandomSampleAndReportTheProbesChance() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(console.run(train("--data", folder.toString(), "--count", "45", "--steps", "10", "--out", run.toString()))).as(console.err.toString()).isZero();
        JsonNode config = json(run.resolve("config.json"));
        assertThat(config.path("config").path("subset").asText()).isEqualTo("RANDOM");
        assertThat(config.path("data_description").asText()).contains("90 images, 3 classes")
                .contains("45 drawn at random (seed 0) used");

        Path eval = tmp.resolve("eval.json");
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", folder.toString(), "--count", "30", "--json",
                eval.toString())).as(console.err.toString()).isZero();
        JsonNode e = json(eval);
        assertThat(e.path("data").asText()).contains("30 drawn at random (seed 1000003) used");
        assertThat(e.path("probe_classes").asInt()).isEqualTo(3);
        assertThat(e.path("probe_train_size").asInt()).isEqualTo(15);
        assertThat(e.path("probe_test_size").asInt()).isEqualTo(15);
        // Chance is the most frequent scored class's share: at least 1/3 with three classes, at most 15/15.
        assertThat(e.path("probe_chance").asDouble()).isBetween(5.0 / 15, 1.0);
        assertThat(e.path("probe_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.path("probe_1nn_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(console.out.toString()).contains("probe_chance").contains("probe_classes 3")
                .contains("probe_1nn_accuracy").contains("probe_test_size 15");
        assertThat(console.err.toString()).doesNotContain("warning: the probes saw");

        // The same seed reads the same images, so the same numbers; evaluate is deterministic.
        Path again = tmp.resolve("again.json");
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", folder.toString(), "--count", "30", "--json",
                again.toString())).isZero();
        assertThat(json(again).path("probe_chance").asDouble()).isEqualTo(e.path("probe_chance").asDouble());
        assertThat(json(again).path("fid").asDouble()).isEqualTo(e.path("fid").asDouble());

        assertThat(console.run("report", "--run", run.toString(), "--count", "30")).as(console.err.toString()).isZero();
        assertThat(Files.readString(run.resolve("report.html"))).contains("probe_chance").contains("probe_1nn_accuracy")
                .contains("probe_classes").contains("probe_train_size");

        Path cmp = tmp.resolve("cmp");
        assertThat(console.run("compare", "--data", folder.toString(), "--steps", "4", "--out", cmp.toString(),
                "--eval-count", "30", "--methods", "latent-regression", "--train-args", String.join(" ", TINY)))
                .as(console.err.toString()).isZero();
        assertThat(Files.readString(cmp.resolve("comparison.md"))).contains("| probe_chance |").contains("| probe_classes |");
        assertThat(json(cmp.resolve("comparison.json")).path("rows").get(0).path("probe_classes").asInt()).isEqualTo(3);
        assertThat(Files.readString(cmp.resolve("comparison.html"))).contains("probe_1nn_accuracy");
    }

    @Test
    void aProbeOverFewerClassesThanTheDataHasIsSaidOnTheConsole() throws Exception {
        Path run = tmp.resolve("run2");
        assertThat(console.run(train("--steps", "2", "--data", "shapes", "--out", run.toString()))).isZero();
        // The whole folder, in sorted order: 30 circles, 31 squares, then one triangle, which lands on
        // an odd (scored) row, and an image at the root without a label, left out of the probes.
        Path two = tmp.resolve("two");
        for (String c : new String[] {"circle", "square"}) {
            Files.createDirectories(two.resolve(c));
            try (var files = Files.list(folder.resolve(c))) {
                for (Path f : files.toList()) {
                    Files.copy(f, two.resolve(c).resolve(f.getFileName()));
                }
            }
        }
        Files.copy(folder.resolve("triangle/000.png"), two.resolve("square/zz.png"));
        Files.createDirectories(two.resolve("triangle"));
        Files.copy(folder.resolve("triangle/001.png"), two.resolve("triangle/001.png"));
        Files.copy(folder.resolve("triangle/002.png"), two.resolve("stray.png"));
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", two.toString(), "--count", "1000", "--json",
                tmp.resolve("e2.json").toString())).as(console.err.toString()).isZero();
        JsonNode e = json(tmp.resolve("e2.json"));
        assertThat(e.path("count").asInt()).isEqualTo(63);
        assertThat(e.path("probe_train_size").asInt()).isEqualTo(31);
        assertThat(e.path("probe_test_size").asInt()).isEqualTo(31);
        assertThat(e.path("probe_classes").asInt()).isEqualTo(2);
        // Scored rows 1, 3, ..., 61: 15 circles, 15 squares and the triangle.
        assertThat(e.path("probe_chance").asDouble()).isEqualTo(15.0 / 31);
        assertThat(console.err.toString()).contains("warning: the probes saw 2 of the 3 classes");
    }

    @Test
    void aRunMadeBeforeRandomSubsetsKeepsItsFirstNOnResume() throws Exception {
        Path run = tmp.resolve("old");
        assertThat(console.run(train("--data", folder.toString(), "--count", "20", "--steps", "5", "--out", run.toString()))).as(console.err.toString()).isZero();
        // An old config.json has no "subset": it means the first N, which that run trained on.
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode whole = (ObjectNode) mapper.readTree(run.resolve("config.json").toFile());
        ((ObjectNode) whole.path("config")).remove("subset");
        mapper.writeValue(run.resolve("config.json").toFile(), whole);
        TrainConfig old = RunDir.existing(run).readConfig();
        assertThat(old.subset()).isEqualTo(Subset.FIRST);
        assertThat(old.openData(System.err).describe()).contains("the first 20 used");
        assertThat(console.run("train", "--out", run.toString(), "--resume", "--steps", "10")).as(console.err.toString()).isZero();
        assertThat(run.resolve("checkpoints/step-00000010.ckpt")).exists();
    }
}
