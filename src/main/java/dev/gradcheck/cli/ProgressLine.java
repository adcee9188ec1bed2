package dev.gradcheck.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws a progress bar as one line of a writer, redrawn after a carriage return: for a bar asked
 * for with {@code --progress} where no terminal tells the width.
 */
final class ProgressLine implements ProgressBarConsumer {

    /** Where the bar goes. */
    private final PrintWriter out;

    /** Longest line drawn. */
    private final int width;

    ProgressLine(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
        return width;
    }

    @Override
    public void accept(String rendered) {
        out.print('\r' + (rendered.length() > width ? rendered.substring(0, width) : rendered));
        out.flush();
    }

    @Override
    public void close() {
        out.println();
        out.flush();
    }
}
