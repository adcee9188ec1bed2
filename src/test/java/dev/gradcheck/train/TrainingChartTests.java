package dev.gradcheck.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG chart: a real image with both series drawn, written only where it can be. */
class TrainingChartTests {

    @TempDir
    Path dir;

    private static TrainingHistory history() {
        return new TrainingHistory(List.of(
                new EpochResult(0, 1, new Evaluation(2.30, 0.10), new Evaluation(2.31, 0.11)),
                new EpochResult(1, 21, new Evaluation(1.20, 0.60), new Evaluation(1.30, 0.55)),
                new EpochResult(2, 41, new Evaluation(0.70, 0.75), new Evaluation(0.80, 0.70))), new double[] {2.3, 1.0});
    }

    private static boolean hasPixel(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void writesAPngWithTheTrainAndTestSeries() throws IOException {
        Path png = dir.resolve("run.png");
        TrainingChart.write(history(), "TwoLayerNet", "fixtures", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(TrainingChart.WIDTH, image.getWidth());
        assertEquals(TrainingChart.HEIGHT, image.getHeight());
        assertTrue(hasPixel(image, 0x1f77b4), "train series (blue) drawn");
        assertTrue(hasPixel(image, 0xd62728), "test series (red) drawn");
    }

    @Test
    void replacesAnEarlierChartAndLeavesNoTemporaryFile() throws IOException {
        Path png = dir.resolve("run.png");
        Files.writeString(png, "old");
        TrainingChart.write(history(), "TwoLayerNet", "fixtures", png);
        assertTrue(ImageIO.read(png.toFile()) != null, "the new chart replaced the old file");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void refusesWhatCannotHoldAChart() {
        assertEquals(dir.resolve("no/such/run.png") + ": directory " + dir.resolve("no/such") + " does not exist",
                assertThrows(IOException.class, () -> TrainingChart.requireWritable(dir.resolve("no/such/run.png"))).getMessage());
        assertEquals(dir.resolve("run.jpg") + ": a chart file name must end in .png",
                assertThrows(IOException.class, () -> TrainingChart.requireWritable(dir.resolve("run.jpg"))).getMessage());
    }

    @Test
    void refusesADirectoryNamedLikeAChart() throws IOException {
        Path png = Files.createDirectory(dir.resolve("run.png"));
        assertEquals(png + ": is a directory; name the chart's .png file",
                assertThrows(IOException.class, () -> TrainingChart.requireWritable(png)).getMessage());
    }
}
