package org.treatygraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The treaty-graph command line: one jar, a subcommand for each job. */
@Command(name = "treaty-graph", mixinStandardHelpOptions = true, version = "treaty-graph 0.1.0",
        description = "Builds, checks and publishes the treaty graph.",
        subcommands = {BuildCommand.class, ReleaseCommand.class, ValidateCommand.class, QueryCommand.class, HistoryCommand.class, AgreementsCommand.class, InferCommand.class, ExplainCommand.class, ServeCommand.class, SnapshotCommand.class, LinkCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line as run() uses it, for callers (tests) that capture its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::report);
    }

    private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof org.treatygraph.core.InputException ie) {
            ie.problems().forEach(p -> cmd.getErr().println(p));
            cmd.getErr().println(ie.problems().size() + " problem(s); nothing was written.");
            return 1;
        }
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
    }
}
