package dev.gradcheck.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survivor check flags unlisted survivors of forward and backward, and listed ones that no longer survive. */
class SurvivingMutantsTests {

    @TempDir
    Path dir;

    private Path report(String... mutations) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations>\n");
        for (String m : mutations) {
            xml.append(m).append('\n');
        }
        return Files.writeString(dir.resolve("mutations.xml"), xml.append("</mutations>\n"));
    }

    private static String mutation(String status, String cls, String method, int line, String description) {
        return "<mutation detected='" + !status.equals("SURVIVED") + "' status='" + status + "'><mutatedClass>dev.gradcheck.layers."
                + cls + "</mutatedClass><mutatedMethod>" + method + "</mutatedMethod><lineNumber>" + line
                + "</lineNumber><description>" + description + "</description></mutation>";
    }

    @Test
    void anUnlistedSurvivorOfBackwardIsAProblemAndOneElsewhereIsNot() throws IOException {
        List<SurvivingMutants.Mutant> mutants = SurvivingMutants.read(report(
                mutation("SURVIVED", "Relu", "backward", 40, "negated conditional"),
                mutation("SURVIVED", "Relu", "lambda$backward$0", 41, "removed call"),
                mutation("SURVIVED", "Relu", "differentiableAt", 57, "negated conditional"),
                mutation("KILLED", "Relu", "forward", 30, "negated conditional")));
        assertEquals(List.of("SURVIVED in backward, not listed as equivalent: Relu.backward:40  negated conditional",
                "SURVIVED in lambda$backward$0, not listed as equivalent: Relu.lambda$backward$0:41  removed call"),
                SurvivingMutants.problems(mutants, Map.of()));
    }

    @Test
    void aListedSurvivorPassesAndAListedMutantThatIsKilledIsFlagged() throws IOException {
        List<SurvivingMutants.Mutant> mutants = SurvivingMutants.read(report(
                mutation("SURVIVED", "Sigmoid", "forward", 44, "changed conditional boundary"),
                mutation("KILLED", "Sigmoid", "backward", 50, "negated conditional")));
        Path list = Files.writeString(dir.resolve("equivalent.txt"), "# comment\n"
                + "Sigmoid.forward:44  changed conditional boundary  -- same value at 0\n"
                + "Sigmoid.backward:50  negated conditional  -- stale entry\n");
        assertEquals(List.of("listed as equivalent but not a surviving mutant: Sigmoid.backward:50  negated conditional"),
                SurvivingMutants.problems(mutants, SurvivingMutants.equivalents(list)));
    }

    @Test
    void aListLineWithoutAReasonNamesItsLine() throws IOException {
        Path list = Files.writeString(dir.resolve("equivalent.txt"), "Sigmoid.forward:44  changed conditional boundary\n");
        IOException e = assertThrows(IOException.class, () -> SurvivingMutants.equivalents(list));
        assertTrue(e.getMessage().contains("equivalent.txt:1: expected 'Class.method:line  mutator  -- reason'"), e.getMessage());
    }

    @Test
    void theCommittedListIsWellFormed() throws IOException {
        assertTrue(SurvivingMutants.equivalents(Path.of("src", "test", "pit", "equivalent-mutants.txt")).size() > 0);
    }
}
