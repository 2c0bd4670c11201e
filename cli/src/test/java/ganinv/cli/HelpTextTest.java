package ganinv.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's --help reads as written text at 80 columns: no line too long, no line broken mid-sentence. */
class HelpTextTest {
    private static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    /**
     * A line of wrapped text ends early only where a sentence or paragraph ends: were the next line's
     * first word able to fit on it, the break was typed into the text rather than made by the wrapping.
     */
    static List<String> brokenLines(String text, int width) {
        List<String> broken = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            String next = lines.get(i + 1).strip();
            if (line.isBlank() || next.isEmpty() || line.matches(".*[.:?!]")) {      // a sentence may end a line
                continue;
            }
            String word = next.split(" ")[0];
            if (line.length() + 1 + word.length() <= width) {
                broken.add(line + " | " + next);
            }
        }
        return broken;
    }

    @Test
    void everyCommandsDescriptionWrapsAtEightyColumnsAsOneText() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertThat(all).hasSizeGreaterThan(20);
        for (CommandLine cl : all) {
            cl.setUsageHelpWidth(80);
            String name = cl.getCommandSpec().qualifiedName();
            String description = cl.getHelp().description();
            assertThat(brokenLines(description, 79)).as(name).isEmpty();   // picocli keeps the 80th column free
            assertThat(cl.getUsageMessage().lines()).as(name).allMatch(l -> l.length() <= 80);
        }
    }

    @Test
    void theCheckFindsABreakTypedIntoTheText() {
        assertThat(brokenLines("invert 64\nheld-out shapes", 80)).hasSize(1);
        assertThat(brokenLines("a paragraph ends here.\n\nThe next one starts", 80)).isEmpty();
        assertThat(brokenLines("a sentence ends here.\nThe next one starts", 80)).isEmpty();
    }
}
