package dev.gradcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gradcheck} command line: {@code check} runs the book's gradient check on real images,
 * {@code train} the book's training loop.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, version = "gradcheck 0.1.0",
        description = "Gradient checks for the layers of \"Deep Learning from Scratch\", chapter 5.",
        subcommands = {CheckCommand.class, TrainCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status: 0 passed, 1 a check failed, 2 bad input. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gradcheck: " + e.getMessage());
            return 2;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            cli.getErr().println("gradcheck: not enough memory for this check or training run (" + e.getMessage()
                    + "): use a smaller --hidden or --batch, or give Java more heap, e.g. java -Xmx8g -jar gradcheck-cli.jar ...");
            return 2;
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'check'");
    }
}
